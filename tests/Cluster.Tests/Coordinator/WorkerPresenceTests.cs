using Cluster.Coordinator;
using Cluster.Tests.Support;

namespace Cluster.Tests.Coordinator;

/// <summary>A run with no evaluator slot says so after the notice period, and stops saying so once a slot arrives.</summary>
public sealed class WorkerPresenceTests
{
    [Fact]
    public void No_slot_for_the_notice_period_gives_a_notice_that_a_slot_clears()
    {
        var clock = new ManualClock();
        var presence = new WorkerPresence(TimeSpan.FromMinutes(1), clock);
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(presence.Check(isDone: false));
        Assert.Null(presence.Notice);

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(presence.Check(isDone: false));
        Assert.Contains("no evaluator slot has been connected for 1 min", presence.Notice);
        Assert.False(presence.Check(isDone: false)); // same text: nothing to republish

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(presence.Check(isDone: false));
        Assert.Contains("for 2 min", presence.Notice);

        Assert.True(presence.Workers(1));
        Assert.Null(presence.Notice);
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(presence.Check(isDone: false));
    }

    [Fact]
    public void The_period_counts_from_when_the_last_slot_left_and_a_finished_run_has_no_notice()
    {
        var clock = new ManualClock();
        var presence = new WorkerPresence(TimeSpan.FromMinutes(1), clock);
        presence.Workers(2);
        clock.Advance(TimeSpan.FromMinutes(10));
        presence.Workers(0);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.False(presence.Check(isDone: false));
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.True(presence.Check(isDone: false));
        Assert.NotNull(presence.Notice);
        Assert.True(presence.Check(isDone: true));
        Assert.Null(presence.Notice);
    }
}
