using System.CommandLine;
using Cluster.Cli;
using Cluster.Confirmation;
using Cluster.Runs;
using Cluster.TestHost;
using Cluster.Tests.Support;
using Evaluators.Candidates;
using Search.Core;

namespace Cluster.Tests.Confirmation;

/// <summary>`search confirm` retrains front members and baselines on shared seeds, saves each training, and never repeats one.</summary>
[Collection("akka-runs")]
public sealed class ConfirmCommandTests
{
    private static readonly string[] Baselines = [TestSpaces.Family.Random(new Rng(1)).Text];

    private sealed class Counting(ICandidateEvaluator inner) : ICandidateEvaluator
    {
        public static readonly List<EvaluationJob> Jobs = [];
        public EvaluationReport Evaluate(EvaluationJob job, IEquivalenceLookup cache, CancellationToken cancel)
        {
            lock (Jobs) Jobs.Add(job);
            return inner.Evaluate(job, cache, cancel);
        }
    }

    private static async Task<(int Code, string Output)> Invoke(params string[] args)
    {
        var composition = new SearchComposition(
            _ => TestSpaces.Zdt1(TestRuns.Seed, 16) with { Baselines = Baselines },
            slot => new Counting(new FakeEvaluator((ulong)slot.Slot, 0)));
        var root = new RootCommand("test");
        foreach (var c in SearchCommands.Create(composition)) root.Subcommands.Add(c);
        var output = new StringWriter();
        var saved = Console.Out;
        Console.SetOut(output);
        try { return (await root.Parse(args).InvokeAsync(), output.ToString()); }
        finally { Console.SetOut(saved); }
    }

    [Fact]
    public async Task Confirm_retrains_the_best_front_members_and_baselines_on_shared_seeds_once()
    {
        string dir = TestRuns.TempDir("confirm");
        Assert.Equal(0, (await Invoke("run", "--out", dir)).Code);
        var status = RunRecord.Load(dir).Status!;

        lock (Counting.Jobs) Counting.Jobs.Clear();
        var (code, output) = await Invoke("confirm", dir, "--seeds", "3", "--top", "1", "--workers", "2");
        Assert.Equal(0, code);
        var results = RunRecord.Load(dir).Confirmation;
        // Best on f1 and best on f2 (two front members), plus the baseline, each on seeds 1..3.
        var best = new[] { status.Front.MinBy(f => f.Objectives[0])!.Genome, status.Front.MinBy(f => f.Objectives[1])!.Genome };
        Assert.Equal(best.Concat(Baselines).Order(), results.Select(r => r.Genome).Distinct().Order());
        Assert.Equal(9, results.Count);
        Assert.Equal(9, Counting.Jobs.Count);
        Assert.All(results, r => Assert.Equal(ConfirmationPlan.SeedFor(TestRuns.Seed, r.SeedIndex), r.Seed));
        Assert.All(Counting.Jobs, j => Assert.Null(j.Plan.Hurdle));
        Assert.Equal([1, 2, 3], results.Select(r => r.SeedIndex).Distinct().Order());
        // The fake evaluator is the ZDT function itself: the confirmed values are the front's.
        var front = status.Front.Single(f => f.Genome == best[0]);
        Assert.All(results.Where(r => r.Genome == best[0]), r => Assert.Equal(front.Objectives, r.Objectives));
        Assert.Contains("confirm_most_objectives_beaten:", output);

        // A second call (e.g. after an interruption) trains nothing already saved; a fourth seed trains only seed 4.
        lock (Counting.Jobs) Counting.Jobs.Clear();
        Assert.Equal(0, (await Invoke("confirm", dir, "--seeds", "3", "--top", "1")).Code);
        Assert.Empty(Counting.Jobs);
        Assert.Equal(0, (await Invoke("confirm", dir, "--seeds", "4", "--top", "1")).Code);
        Assert.Equal(3, Counting.Jobs.Count);
        Assert.Equal(12, RunRecord.Load(dir).Confirmation.Count);
    }

    [Fact]
    public async Task Confirm_names_a_directory_without_a_run()
    {
        string dir = TestRuns.TempDir("confirm-missing");
        var saved = Console.Error;
        var error = new StringWriter();
        Console.SetError(error);
        try { Assert.Equal(2, (await Invoke("confirm", dir)).Code); }
        finally { Console.SetError(saved); }
        Assert.Contains(Path.GetFullPath(dir), error.ToString());
        Assert.Contains("holds no run", error.ToString());
    }
}
