using Search.Core;
using Search.Genomes.RealVector;
using Search.MultiObjective;

namespace Search.Problems;

/// <summary>
/// The ask/tell loop for test problems: propose, evaluate each genome on the problem, tell the
/// results in proposal order, until the evaluation budget is spent. Used by tests and the bench.
/// </summary>
public static class ProblemDriver
{
    public static RealVectorFamily Family(IProblem problem) => new(problem.Lower, problem.Upper);

    public static StrategyContext<RealVector> Context(IProblem problem, ulong seed) =>
        new(Family(problem), ObjectiveSet.Minimize(Enumerable.Range(1, problem.Objectives).Select(i => $"f{i}").ToArray()), new Rng(seed));

    /// <summary>
    /// Runs up to <paramref name="evaluations"/> evaluations (fewer when the strategy's own termination
    /// is met), asking for at most <paramref name="batch"/> at a time; every result also goes to
    /// <paramref name="archive"/> when given.
    /// </summary>
    public static void Drive(IStrategy<RealVector> strategy, IProblem problem, StrategyContext<RealVector> context,
        long evaluations, int batch = 100, long firstId = 0, EvaluationArchive? archive = null)
    {
        long done = 0;
        while (done < evaluations && !strategy.Terminated)
        {
            var proposals = strategy.Propose((int)Math.Min(batch, evaluations - done), context);
            if (proposals.Count == 0)
                throw new InvalidOperationException($"{strategy.Name} proposed nothing with no results outstanding");
            foreach (var genome in proposals)
            {
                var values = problem.Evaluate(genome.Values);
                var individual = new Individual<RealVector>(firstId + done, genome, EvaluationResult.Accept(values),
                    context.Objectives.ToMinimized(values));
                strategy.Tell(individual, context);
                archive?.Add(individual);
                done++;
            }
        }
    }

    /// <summary>A whole run from <paramref name="seed"/>, assessed on its archive front and on its final population.</summary>
    public static ProblemResult Run(IStrategy<RealVector> strategy, IProblem problem, long evaluations, ulong seed, int batch = 100)
    {
        var context = Context(problem, seed);
        var archive = new EvaluationArchive();
        Drive(strategy, problem, context, evaluations, batch, archive: archive);
        return new ProblemResult(
            Assess(archive.Front, problem, evaluations),
            Assess(strategy.Population.Where(p => p.IsFeasible).Select(p => p.Minimized).ToArray(), problem, evaluations));
    }

    /// <summary>Front, hypervolume (and its ratio to the true front's) and IGD of a set of objective vectors.</summary>
    public static ProblemRun Assess(IReadOnlyList<double[]> points, IProblem problem, long evaluations = 0)
    {
        var front = ParetoFront.Of(points, p => p);
        double hv = Hypervolume.Of(front, problem.ReferencePoint);
        return new ProblemRun(front, hv, hv / problem.TrueHypervolume, InvertedGenerationalDistance.Of(front, problem.TrueFront), evaluations);
    }
}
