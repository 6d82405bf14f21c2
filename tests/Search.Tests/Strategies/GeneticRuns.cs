using Search.Configuration;
using Search.Core;
using Search.Genomes.RealVector;
using Search.Problems;
using Search.Strategies;

namespace Search.Tests.Strategies;

/// <summary>Runs on the single-objective test problems through <see cref="ProblemDriver"/>, reporting the best value reached.</summary>
internal static class GeneticRuns
{
    public static double Best(IStrategy<RealVector> strategy, IProblem problem, ulong seed, long evaluations = 5000)
    {
        var archive = new EvaluationArchive();
        ProblemDriver.Drive(strategy, problem, ProblemDriver.Context(problem, seed), evaluations, archive: archive);
        return archive.Front[0][0];
    }

    public static IStrategy<RealVector> Genetic(params (string Key, object Value)[] settings) =>
        StrategyRegistry.Create<RealVector>("genetic", Settings.Of([("population", 50), .. settings]));

    /// <summary>Asks and tells right away until the strategy proposes nothing; the proposals in order.</summary>
    public static List<string> UntilTerminated(IStrategy<RealVector> strategy, IProblem problem, ulong seed, int limit = 100_000)
    {
        var h = StrategyHarness.Start(strategy, problem, seed);
        while (h.Proposed.Count < limit)
        {
            var genomes = h.Ask(7);
            if (genomes.Count == 0) return h.Proposed;
            foreach (var g in genomes) h.Tell(g);
        }
        throw new InvalidOperationException($"{strategy.Name} did not terminate within {limit} evaluations");
    }
}
