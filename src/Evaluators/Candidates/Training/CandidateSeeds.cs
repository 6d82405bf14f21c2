using Search.Core;

namespace Evaluators.Candidates.Training;

/// <summary>
/// Training seeds derived from the job's seed: one per (purpose, task, index), so adding a task or
/// a seed leaves the others' runs unchanged.
/// </summary>
public static class CandidateSeeds
{
    public static ulong Training(ulong jobSeed, string task, int index) => Derive(jobSeed, "train:" + task, index);

    public static ulong Hurdle(ulong jobSeed, string task) => Derive(jobSeed, "hurdle:" + task, 0);

    private static ulong Derive(ulong jobSeed, string purpose, int index) =>
        StableHash.Combine(StableHash.Combine(StableHash.Of(purpose), jobSeed), (ulong)index);
}
