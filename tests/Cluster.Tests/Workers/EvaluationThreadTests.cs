using Cluster.Workers;

namespace Cluster.Tests.Workers;

public sealed class EvaluationThreadTests
{
    [Fact]
    public async Task Every_evaluation_of_a_slot_runs_on_the_same_dedicated_thread_and_errors_come_back()
    {
        using var thread = new EvaluationThread("test-slot");
        int caller = Environment.CurrentManagedThreadId;
        var ids = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => thread.Run(() => Environment.CurrentManagedThreadId)));
        Assert.Single(ids.Distinct());
        Assert.NotEqual(caller, ids[0]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => thread.Run<int>(() => throw new InvalidOperationException("boom")));
        Assert.Equal(ids[0], await thread.Run(() => Environment.CurrentManagedThreadId)); // still alive after a throw
    }
}
