using MessagePack;

namespace Cluster.Protocol;

/// <summary>
/// A worker slot asks for up to <see cref="Count"/> jobs at once (its free credit), so a fast
/// evaluator is not held up by one round trip per job. Answered with <see cref="JobBatch"/> or <see cref="NoWorkYet"/>.
/// </summary>
[MessagePackObject]
public sealed record RequestJobs([property: Key(0)] string WorkerId, [property: Key(1)] int Count) : IClusterMessage;
