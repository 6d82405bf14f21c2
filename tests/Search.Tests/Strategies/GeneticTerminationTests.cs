using Search.Configuration;
using Search.Core;
using Search.Genomes.RealVector;
using Search.Problems;
using Search.Strategies;
using Search.Termination;
using Search.Tests.Problems;
using static Search.Tests.Strategies.GeneticRuns;

namespace Search.Tests.Strategies;

public class GeneticTerminationTests
{
    [Fact]
    public void Generations_stop_after_that_many_whole_generations()
    {
        var strategy = (GeneticAlgorithm<RealVector>)Genetic(("termination", "generations"), ("termination.max", 5));
        Assert.Equal(250, UntilTerminated(strategy, new Sphere(), 1).Count);
        Assert.True(strategy.Terminated);
        Assert.Equal(5, strategy.Generation);
    }

    [Fact]
    public void Evaluations_stop_at_the_end_of_the_generation_that_reaches_them()
    {
        var strategy = Genetic(("termination", "evaluations"), ("termination.max", 130));
        Assert.Equal(150, UntilTerminated(strategy, new Sphere(), 1).Count);
    }

    [Fact]
    public void Stagnation_stops_when_nothing_improves_and_any_takes_the_first_criterion_met()
    {
        // A flat problem never improves after generation 1: stagnation 3 stops at generation 4.
        var strategy = Genetic(("termination", "any"), ("termination.criteria", "generations, stagnation"),
            ("termination.generations.max", 50), ("termination.stagnation.generations", 3));
        Assert.Equal(200, UntilTerminated(strategy, new Flat(), 1).Count);
        // Stagnation 20 cannot be met before generation 21, so the generation limit comes first.
        Assert.Equal(15 * 50, UntilTerminated(Genetic(("termination", "any"), ("termination.criteria", "generations, stagnation"),
            ("termination.generations.max", 15), ("termination.stagnation.generations", 20)), new Flat(), 1).Count);
    }

    [Fact]
    public void Fitness_threshold_stops_in_the_first_generation_that_reaches_it()
    {
        var problem = new Sphere();
        var proposed = UntilTerminated(Genetic(("termination", "fitness"), ("termination.value", 0.5)), problem, 2);
        var values = proposed.Select(t => problem.Evaluate(ProblemDriver.Family(problem).Parse(t).Values)[0]).ToArray();
        Assert.Equal(0, proposed.Count % 50);
        Assert.True(values.Min() <= 0.5);
        Assert.True(values[..^50].Min() > 0.5, "the generation before the last had not reached it yet");
    }

    [Fact]
    public void All_waits_for_every_criterion()
    {
        var proposed = UntilTerminated(Genetic(("termination", "all"), ("termination.criteria", "fitness, generations"),
            ("termination.fitness.value", 1e9), ("termination.generations.max", 7)), new Sphere(), 3);
        Assert.Equal(7 * 50, proposed.Count);
    }

    [Fact]
    public void Wall_time_reads_the_clock_given_to_the_termination()
    {
        var clock = new SteppedClock();
        var strategy = new GeneticAlgorithm<RealVector>(new GeneticOptions(10),
            termination: _ => TerminationRegistry.Create("wall-time", Settings.Of(("seconds", 60)), clock));
        var h = StrategyHarness.Start(strategy, new Sphere(), 4);
        h.Run(30, batch: 10);
        Assert.False(strategy.Terminated);
        clock.UtcNow += TimeSpan.FromSeconds(61);
        h.Run(10, batch: 10);
        Assert.True(strategy.Terminated);
        Assert.Empty(h.Ask(10));
    }

    [Fact]
    public void Fitness_is_given_in_the_objective_direction()
    {
        var objectives = new ObjectiveSet([new Objective("params", Direction.Minimize), new Objective("accuracy", Direction.Maximize)]);
        var t = TerminationRegistry.Create("fitness", Settings.Of(("objective", 1), ("value", 0.9)), objectives: objectives);
        Assert.False(t.IsMet(new SearchProgress(10, 1, [5, -0.85])));
        Assert.True(t.IsMet(new SearchProgress(10, 1, [5, -0.91])));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            TerminationRegistry.Create("fitness", Settings.Of(("objective", 2), ("value", 0.9)), objectives: objectives));
    }

    private sealed class Flat : IProblem
    {
        private readonly Sphere _shape = new(2);
        public string Name => "flat";
        public int Variables => 2;
        public int Objectives => 1;
        public IReadOnlyList<double> Lower => _shape.Lower;
        public IReadOnlyList<double> Upper => _shape.Upper;
        public double[] Evaluate(IReadOnlyList<double> x) => [1.0];
        public IReadOnlyList<double[]> TrueFront => _shape.TrueFront;
        public double TrueHypervolume => _shape.TrueHypervolume;
        public IReadOnlyList<double> ReferencePoint => _shape.ReferencePoint;
    }

    private sealed class SteppedClock : IClock
    {
        public DateTimeOffset UtcNow { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
