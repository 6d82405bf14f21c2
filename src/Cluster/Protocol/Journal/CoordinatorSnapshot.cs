using MessagePack;

namespace Cluster.Protocol.Journal;

/// <summary>Persisted snapshot: the engine's own bytes (SearchEngine.SaveBytes), the strikes per proposal, details of front and buffered results.</summary>
[MessagePackObject]
public sealed record CoordinatorSnapshot(
    [property: Key(0)] byte[] Engine,
    [property: Key(1)] Dictionary<long, int> Strikes,
    [property: Key(2)] long Poisoned,
    [property: Key(3)] Dictionary<long, ResultDetails>? Details = null) : IClusterMessage;
