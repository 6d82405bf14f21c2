using MessagePack;

namespace Cluster.Protocol.Journal;

/// <summary>
/// Persisted event: the results of one group commit, in the order they arrived. One journal row
/// per write instead of one per result (the journal's cost is per row); replaying it applies each
/// result as a <see cref="ResultRecorded"/> would. Journals written before it hold single results.
/// </summary>
[MessagePackObject]
public sealed record ResultsRecorded([property: Key(0)] ResultRecorded[] Results) : IClusterMessage;
