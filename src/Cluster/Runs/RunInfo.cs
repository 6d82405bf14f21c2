namespace Cluster.Runs;

/// <summary>What run.json records about a run: where its space came from, its seed, when it started.</summary>
public sealed record RunInfo(
    string RunId,
    string SpaceName,
    string SpaceSource,
    string? SpaceCopy,
    ulong Seed,
    DateTimeOffset StartedUtc,
    string Family,
    string Strategy,
    long MaxEvaluations,
    string Store);
