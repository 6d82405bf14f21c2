using Cluster.Hosting;
using Cluster.Protocol;
using Cluster.TestHost;
using Evaluators.Candidates;

namespace Cluster.Tests.Support;

/// <summary>Runs the test space in-process and renders what must match between runs.</summary>
public static class TestRuns
{
    public const ulong Seed = 11;
    public const long Max = 40;

    public static string TempDir(string name) =>
        Path.Combine(Path.GetTempPath(), "cluster-tests", $"{name}-{Environment.ProcessId}-{Guid.NewGuid():N}");

    public static async Task<RunResult> Local(string name, int workers, Func<int, ICandidateEvaluator> evaluator,
        Func<RunOptions, RunOptions>? tweak = null, long max = Max, bool rungs = false)
    {
        var options = new RunOptions { RunDirectory = TempDir(name), Workers = workers, Evaluator = evaluator };
        options = tweak?.Invoke(options) ?? options;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var space = rungs ? TestSpaces.Zdt1Rungs(Seed, max) : TestSpaces.Zdt1(Seed, max);
        var result = await SearchRunner.RunLocal(space, options, null, timeout.Token);
        Assert.True(result.Completed, $"run {name} did not complete: {Describe(result.Status)}");
        return result;
    }

    private static readonly Lazy<Task<RunResult>> ReferenceRun = new(() =>
        Local("reference", 1, slot => new FakeEvaluator((ulong)slot, 0), o => o with { Store = new StoreOptions.InMemory() }));

    private static readonly Lazy<Task<RunResult>> RungsReferenceRun = new(() =>
        Local("reference-rungs", 1, slot => new FakeEvaluator((ulong)slot, 0), o => o with { Store = new StoreOptions.InMemory() }, rungs: true));

    /// <summary>The uninterrupted single-worker run every other run of the test space (or its multi-fidelity variant) must equal.</summary>
    public static Task<RunResult> Reference(bool rungs = false) => rungs ? RungsReferenceRun.Value : ReferenceRun.Value;

    /// <summary>Everything a deterministic search must reproduce: outcome counts, rejections by stage, the front (ids, genomes, objectives, learned scalars).</summary>
    public static string Describe(StatusReport s) =>
        $"done {s.Done}/{s.Total} accepted {s.Accepted} rejected {s.Rejected} failed {s.Failed} " +
        $"stages [{string.Join(",", s.RejectedByStage.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}"))}]\n" +
        string.Join("", (s.Rungs ?? []).Select(r => $"rung {r.Rung}: {r.Evaluated} evaluated, {r.Accepted} accepted, {r.Promoted} promoted, best {r.Best:R}\n")) +
        string.Join("\n", s.Front.OrderBy(f => f.Id).Select(f => $"{f.Id} rung {f.Rung} {f.Genome} {string.Join(",", f.Objectives.Select(o => o.ToString("R")))} learned {Learned(f)}"));

    private static string Learned(FrontMember f) =>
        f.Learned is null ? "none" : string.Join(",", f.Learned.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value:R}"));
}
