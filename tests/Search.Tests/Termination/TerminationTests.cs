using Search.Configuration;
using Search.Termination;

namespace Search.Tests.Termination;

public class TerminationTests
{
    private sealed class FakeClock : IClock
    {
        public DateTimeOffset UtcNow { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    private static SearchProgress At(long evaluations, int generations, params double[] best) => new(evaluations, generations, best);

    [Fact]
    public void Counts_trigger_at_their_limit()
    {
        Assert.False(new EvaluationCountTermination(100).IsMet(At(99, 0, 1)));
        Assert.True(new EvaluationCountTermination(100).IsMet(At(100, 0, 1)));
        Assert.False(new GenerationCountTermination(5).IsMet(At(0, 4, 1)));
        Assert.True(new GenerationCountTermination(5).IsMet(At(0, 5, 1)));
    }

    [Fact]
    public void Wall_time_reads_the_injected_clock()
    {
        var clock = new FakeClock();
        var t = new WallTimeTermination(TimeSpan.FromMinutes(10), clock);
        clock.UtcNow += TimeSpan.FromMinutes(9);
        Assert.False(t.IsMet(At(0, 0, 1)));
        clock.UtcNow += TimeSpan.FromMinutes(1);
        Assert.True(t.IsMet(At(0, 0, 1)));
    }

    [Fact]
    public void Stagnation_counts_generations_since_the_last_real_improvement()
    {
        var t = new StagnationTermination(3, tolerance: 0.01);
        Assert.False(t.IsMet(At(0, 0, 1.0)));
        Assert.False(t.IsMet(At(0, 1, 0.5)));   // improved at generation 1
        Assert.False(t.IsMet(At(0, 3, 0.495))); // within tolerance: not an improvement
        Assert.True(t.IsMet(At(0, 4, 0.495)));  // 3 generations since generation 1
    }

    [Fact]
    public void Target_compares_the_minimised_best()
    {
        var t = new TargetReachedTermination(1, -0.9); // maximised accuracy 0.9 on objective 1
        Assert.False(t.IsMet(At(0, 0, 5, -0.85)));
        Assert.True(t.IsMet(At(0, 0, 5, -0.91)));
    }

    [Fact]
    public void Any_and_all_combine()
    {
        var evals = new EvaluationCountTermination(10);
        var gens = new GenerationCountTermination(2);
        Assert.True(new AnyTermination(evals, gens).IsMet(At(10, 0, 1)));
        Assert.False(new AllTermination(evals, gens).IsMet(At(10, 0, 1)));
        Assert.True(new AllTermination(evals, gens).IsMet(At(10, 2, 1)));
        Assert.False(new AnyTermination(evals, gens).IsMet(At(9, 1, 1)));
        Assert.False(new AllTermination().IsMet(At(9, 1, 1)));
    }

    [Fact]
    public void Registry_builds_combinators_from_settings()
    {
        var clock = new FakeClock();
        var t = TerminationRegistry.Create("any", Settings.Of(
            ("criteria", "evaluations, wall-time"), ("evaluations.max", 25000), ("wall-time.seconds", 60)), clock);
        Assert.False(t.IsMet(At(100, 0, 1)));
        Assert.True(t.IsMet(At(25000, 0, 1)));
        clock.UtcNow += TimeSpan.FromSeconds(61);
        Assert.True(t.IsMet(At(100, 0, 1)));
        Assert.Throws<ArgumentException>(() => TerminationRegistry.Create("evaluations"));
        Assert.Throws<ArgumentException>(() => TerminationRegistry.Create("forever"));
    }

    [Fact]
    public void Tracker_keeps_the_best_feasible_values()
    {
        var tracker = new ProgressTracker(2);
        tracker.Record(Make.Ind(0, 3, 1));
        tracker.Record(Make.Ind(1, 2, 4));
        tracker.Record(Make.Failed(2));
        var p = tracker.Snapshot(1);
        Assert.Equal(3, p.Evaluations);
        Assert.Equal([2.0, 1.0], p.BestMinimized);
    }
}
