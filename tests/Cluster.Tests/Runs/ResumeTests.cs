using Cluster.Hosting;
using Cluster.Runs;
using Cluster.TestHost;
using Cluster.Tests.Support;
using Search.Core;
using Search.State;

namespace Cluster.Tests.Runs;

/// <summary>Resuming from the run directory (SQLite store): extending a finished run, refusing another search's store.</summary>
[Collection("akka-runs")]
public sealed class ResumeTests
{
    [Fact]
    public async Task Resuming_a_finished_run_with_a_larger_budget_continues_it_to_what_a_longer_run_gives()
    {
        const long longer = TestRuns.Max + 16;
        var finished = await TestRuns.Local("extend", 2, slot => new FakeEvaluator((ulong)slot, 2));
        var uninterrupted = await TestRuns.Local("extend-reference", 1, slot => new FakeEvaluator((ulong)slot, 0),
            o => o with { Store = new StoreOptions.InMemory() }, max: longer);

        var options = new RunOptions { Workers = 2, Evaluator = slot => new FakeEvaluator(50 + (ulong)slot, 2) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var extended = await SearchRunner.Resume(finished.RunDirectory, TestSpaces.Zdt1(TestRuns.Seed, longer), options, null, timeout.Token);

        Assert.True(extended.Completed);
        Assert.Equal(longer, extended.Status.Done);
        Assert.Equal(TestRuns.Describe(uninterrupted.Status), TestRuns.Describe(extended.Status));
    }

    [Fact]
    public async Task Resuming_with_a_different_search_space_is_refused()
    {
        var finished = await TestRuns.Local("refuse", 1, slot => new FakeEvaluator((ulong)slot, 0));
        var changed = TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max) with { Objectives = ObjectiveSet.Minimize("other", "names") };
        var options = new RunOptions { Workers = 1, Evaluator = slot => new FakeEvaluator((ulong)slot, 0) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Assert.ThrowsAsync<IncompatibleStateException>(() => SearchRunner.Resume(finished.RunDirectory, changed, options, null, timeout.Token));
    }

    [Fact]
    public async Task A_run_directory_is_never_reused_for_a_new_run()
    {
        var existing = new RunDirectory(TestRuns.TempDir("reuse"));
        existing.Create(TestSpaces.Zdt1(1, 8), "sqlite:store.db", TimeProvider.System);
        var options = new RunOptions { RunDirectory = existing.Path, Evaluator = slot => new FakeEvaluator((ulong)slot, 0) };
        await Assert.ThrowsAsync<RunDirectoryException>(() => SearchRunner.RunLocal(TestSpaces.Zdt1(1, 8), options, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_cancelled_run_returns_its_status_and_resumes_to_the_uninterrupted_result()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new Progress<RunProgress>(p => { if (p.Done >= 10) cancel.Cancel(); });
        // Evaluations of up to 25 ms: with the store's fast commits, 40 evaluations of up to 5 ms could all end before the cancellation landed.
        var options = new RunOptions { RunDirectory = TestRuns.TempDir("cancel"), Workers = 2, Evaluator = slot => new FakeEvaluator((ulong)slot, 25) };
        var stopped = await SearchRunner.RunLocal(TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max), options, progress, cancel.Token);
        Assert.False(stopped.Completed);
        Assert.InRange(stopped.Status.Done, 10, TestRuns.Max - 1);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var resumed = await SearchRunner.Resume(stopped.RunDirectory, TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max),
            options with { RunDirectory = null }, null, timeout.Token);
        Assert.True(resumed.Completed);
        Assert.Equal(TestRuns.Describe((await TestRuns.Reference()).Status), TestRuns.Describe(resumed.Status));
    }
}
