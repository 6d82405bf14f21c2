using System.CommandLine;
using Cluster.Baselines;
using Cluster.Cli;
using Cluster.Runs;
using Cluster.TestHost;
using Cluster.Tests.Support;
using Evaluators.Candidates;
using Search.Core;

namespace Cluster.Tests.Cli;

/// <summary>Baselines are evaluated after the search with the run's plan and baseline seed, recorded, and never evaluated twice.</summary>
[Collection("akka-runs")]
public sealed class BaselineTests
{
    private static readonly string[] Baselines = [TestSpaces.Family.Random(new Rng(1)).Text, TestSpaces.Family.Random(new Rng(2)).Text];

    /// <summary>Counts the jobs that carry the baseline seed.</summary>
    private sealed class Counting(ICandidateEvaluator inner, ulong baselineSeed) : ICandidateEvaluator
    {
        public static int BaselineJobs;
        public EvaluationReport Evaluate(EvaluationJob job, IEquivalenceLookup cache, CancellationToken cancel)
        {
            if (job.Seed == baselineSeed) Interlocked.Increment(ref BaselineJobs);
            return inner.Evaluate(job, cache, cancel);
        }
    }

    private static Task<int> Invoke(params string[] args)
    {
        var composition = new SearchComposition(
            _ => TestSpaces.Zdt1(TestRuns.Seed, 16) with { Baselines = Baselines },
            slot => new Counting(new FakeEvaluator((ulong)slot.Slot, 0), BaselineRunner.SeedFor(TestRuns.Seed)));
        var root = new RootCommand("test");
        foreach (var c in SearchCommands.Create(composition)) root.Subcommands.Add(c);
        return root.Parse(args).InvokeAsync();
    }

    [Fact]
    public async Task Run_records_the_baselines_and_resume_does_not_evaluate_them_again()
    {
        string dir = TestRuns.TempDir("baselines");
        Counting.BaselineJobs = 0;
        Assert.Equal(0, await Invoke("run", "--out", dir));
        var recorded = RunRecord.Load(dir).Baselines;
        Assert.Equal(Baselines, recorded.Select(b => b.Genome));
        Assert.Equal(2, Counting.BaselineJobs);
        // Same numbers as the fake evaluator gives these genomes directly.
        var direct = new FakeEvaluator(0, 0).Evaluate(new EvaluationJob("real-vector", Baselines[0], 0, new()), NoEquivalenceLookup.Instance, default);
        Assert.Equal(direct.Result.Objectives, recorded[0].Objectives);
        Assert.Equal(BaselineRunner.SeedFor(TestRuns.Seed), recorded[0].Seed);

        Assert.Equal(0, await Invoke("resume", dir));
        Assert.Equal(2, Counting.BaselineJobs);
        Assert.Equal(0, await Invoke("status", dir));
    }
}
