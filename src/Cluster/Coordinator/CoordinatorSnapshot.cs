using Cluster.Protocol;
using MessagePack;

namespace Cluster.Coordinator;

/// <summary>Persisted snapshot: the engine's own bytes (SearchEngine.SaveBytes) and the strikes per proposal.</summary>
[MessagePackObject]
public sealed record CoordinatorSnapshot(
    [property: Key(0)] byte[] Engine,
    [property: Key(1)] Dictionary<long, int> Strikes,
    [property: Key(2)] long Poisoned) : IClusterMessage;
