using Cluster.Hosting;
using Cluster.TestHost;
using Cluster.Tests.Support;
using Evaluators.Candidates;

namespace Cluster.Tests.Runs;

/// <summary>
/// A run stopped by its wall-time limit waits for the jobs in flight (up to RunOptions.Drain) and
/// records their results; with no drain it ends at once and leaves them unrecorded.
/// </summary>
[Collection("akka-runs")]
public sealed class EarlyStopDrainTests
{
    /// <summary>
    /// Two slots out of phase: both take 2 s per evaluation, slot 1's first takes 3 s. Whenever one
    /// slot reports, the other is 1 s into a job, so the result that crosses the limit always leaves one in flight.
    /// </summary>
    private sealed class OutOfPhase(int slot, Counter finished) : ICandidateEvaluator
    {
        private readonly FakeEvaluator _inner = new((ulong)slot, 0);
        private bool _first = true;

        public EvaluationReport Evaluate(EvaluationJob job, IEquivalenceLookup cache, CancellationToken cancel)
        {
            Thread.Sleep(slot == 1 && _first ? 3000 : 2000);
            _first = false;
            var report = _inner.Evaluate(job, cache, cancel);
            finished.Add();
            return report;
        }
    }

    private sealed class Counter
    {
        private int _value;
        public int Value => Volatile.Read(ref _value);
        public void Add() => Interlocked.Increment(ref _value);
    }

    private static async Task<(RunResult Result, int Finished)> Run(TimeSpan drain)
    {
        var finished = new Counter();
        var space = TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max) with { WallTime = TimeSpan.FromSeconds(3.5) };
        var options = new RunOptions { RunDirectory = TestRuns.TempDir("drain"), Workers = 2, Evaluator = slot => new OutOfPhase(slot, finished), Drain = drain };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await SearchRunner.RunLocal(space, options, null, timeout.Token);
        return (result, finished.Value);
    }

    [Fact]
    public async Task With_a_drain_the_jobs_in_flight_at_the_limit_are_waited_for_and_recorded()
    {
        var (result, finished) = await Run(TimeSpan.FromSeconds(20));
        Assert.True(result.Completed);
        Assert.True(result.Status.IsDone);
        Assert.Equal(0, result.Status.InFlight);
        Assert.InRange(result.Status.Done, 3, TestRuns.Max - 1); // stopped by the limit, not the budget
        Assert.Equal(finished, result.Status.Done); // every evaluation that finished is recorded
    }

    [Fact]
    public async Task Without_a_drain_the_run_ends_at_the_limit_leaving_a_job_in_flight()
    {
        var (result, _) = await Run(TimeSpan.Zero);
        Assert.True(result.Completed);
        Assert.True(result.Status.IsDone);
        Assert.Equal(1, result.Status.InFlight);
    }
}
