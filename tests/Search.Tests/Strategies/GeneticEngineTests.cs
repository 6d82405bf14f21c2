using Search.Configuration;
using Search.Core;
using Search.Engine;
using Search.Genomes.RealVector;
using Search.Problems;
using Search.Strategies;
using Search.Tests.Problems;

namespace Search.Tests.Strategies;

/// <summary>The genetic strategy under the engine: result order and interruptions must not change the search.</summary>
public class GeneticEngineTests
{
    private static readonly IProblem Problem = new Rastrigin();
    private static readonly ObjectiveSet Objectives = ObjectiveSet.Minimize("f1");

    private static IStrategy<RealVector> Strategy() => StrategyRegistry.Create<RealVector>("genetic", Settings.Of(
        ("population", 20), ("selection", "stochastic-universal-sampling"), ("reinsertion", "uniform"), ("offspring", 24),
        ("termination", "any"), ("termination.criteria", "generations, stagnation"),
        ("termination.generations.max", 40), ("termination.stagnation.generations", 4), ("termination.stagnation.tolerance", 0.5)));

    private static SearchEngine<RealVector> Engine() =>
        new(ProblemDriver.Family(Problem), Strategy(), Objectives, new EngineSettings(Seed: 5, Lookahead: 16, MaxEvaluations: 5000));

    /// <summary>Takes everything queued, tells it in the given order; stops when nothing is left.</summary>
    private static void Run(SearchEngine<RealVector> engine, Action<List<Proposal<RealVector>>> order, int rounds = int.MaxValue)
    {
        for (int r = 0; r < rounds; r++)
        {
            var batch = engine.Ask(int.MaxValue).ToList();
            if (batch.Count == 0) return;
            order(batch);
            foreach (var p in batch) engine.Tell(p.Id, EvaluationResult.Accept(Problem.Evaluate(p.Genome.Values)));
        }
    }

    [Fact]
    public void Results_told_in_any_order_give_the_same_search()
    {
        var inOrder = Engine();
        Run(inOrder, _ => { });
        var strategy = (GeneticAlgorithm<RealVector>)inOrder.Strategy;
        Assert.True(strategy.Terminated, "the stagnation rule should end this run before the budget");
        Assert.InRange(strategy.Generation, 6, 39);
        // The engine counts the search as done once the strategy has stopped and every result is applied.
        Assert.True(inOrder.IsDone);
        Assert.False(inOrder.IsStalled);
        Assert.True(inOrder.Progress.Applied < inOrder.Settings.MaxEvaluations);
        for (ulong s = 1; s <= 5; s++)
        {
            var shuffler = new Rng(s);
            var shuffled = Engine();
            Run(shuffled, batch => shuffler.Shuffle(batch));
            Assert.Equal(inOrder.SaveBytes(), shuffled.SaveBytes());
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    public void Resume_from_a_snapshot_continues_the_same_search(int rounds)
    {
        var uninterrupted = Engine();
        Run(uninterrupted, _ => { });

        var first = Engine();
        Run(first, batch => batch.Reverse(), rounds);
        var handedOut = first.Ask(3); // outstanding across the snapshot, told after the resume
        var resumed = SearchEngine<RealVector>.FromState(first.Capture(), ProblemDriver.Family(Problem), Strategy(), Objectives,
            first.Settings);
        foreach (var p in handedOut) resumed.Requeue(p.Id);
        Run(resumed, _ => { });

        Assert.Equal(uninterrupted.SaveBytes(), resumed.SaveBytes());
        Assert.Equal(uninterrupted.Strategy.Generation, resumed.Strategy.Generation);
    }
}
