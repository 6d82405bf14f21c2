using Search.Configuration;
using Search.Core;
using Search.Genomes.Activation;
using Search.Strategies;

namespace Search.Tests.Strategies;

/// <summary>The genetic strategy on a real family: activation expressions fitted to a target curve.</summary>
public class GeneticActivationTests
{
    private static readonly double[] Xs = Enumerable.Range(-12, 25).Select(i => i / 4.0).ToArray();

    // A cheap stand-in for training: squared error to x * tanh(x) + 0.3 x; non-finite outputs fail the candidate.
    private static EvaluationResult Evaluate(ActivationGenome g)
    {
        double error = Xs.Sum(x => Math.Pow(g.Evaluate(x) - (x * Math.Tanh(x) + 0.3 * x), 2)) / Xs.Length;
        return double.IsFinite(error) ? EvaluationResult.Accept(error) : EvaluationResult.Fail("not finite");
    }

    [Fact]
    public void Runs_on_the_activation_family_and_improves_on_its_random_start()
    {
        var strategy = StrategyRegistry.Create<ActivationGenome>("genetic", Settings.Of(
            ("population", 30), ("selection", "tournament"), ("selection.size", 3), ("crossover", 0.8), ("mutation", 0.9),
            ("reinsertion", "elitist"), ("reinsertion.elites", 2), ("termination", "generations"), ("termination.max", 15)));
        var context = new StrategyContext<ActivationGenome>(new ActivationFamily(), ObjectiveSet.Minimize("error"), new Rng(21));
        double firstGeneration = double.PositiveInfinity;
        long id = 0;
        for (var batch = strategy.Propose(30, context); batch.Count > 0; batch = strategy.Propose(30, context))
            foreach (var genome in batch)
            {
                var result = Evaluate(genome);
                strategy.Tell(new Individual<ActivationGenome>(id, genome, result, context.Objectives.ToMinimized(result.Objectives)), context);
                if (id++ < 30) firstGeneration = Math.Min(firstGeneration, result.Objectives?[0] ?? double.PositiveInfinity);
            }

        double final = strategy.Population.Min(p => p.Minimized[0]);
        Assert.Equal(15 * 30, id);
        Assert.Equal(15, strategy.Generation);
        Assert.True(final < firstGeneration / 2, $"best error {firstGeneration:G3} at first, {final:G3} after 15 generations");
    }
}
