using MessagePack;

namespace Cluster.Protocol.Journal;

/// <summary>A result's metrics and learned scalars, kept while its proposal waits to be applied or sits on the front.</summary>
[MessagePackObject]
public sealed record ResultDetails(
    [property: Key(0)] Dictionary<string, double> Metrics,
    [property: Key(1)] Dictionary<string, double> Learned);
