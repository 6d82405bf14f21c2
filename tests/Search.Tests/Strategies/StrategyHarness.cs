using Search.Core;
using Search.Genomes.RealVector;
using Search.Problems;

namespace Search.Tests.Strategies;

/// <summary>Drives a strategy on a problem and records what it proposes, telling results right away.</summary>
internal sealed class StrategyHarness(IStrategy<RealVector> strategy, IProblem problem, StrategyContext<RealVector> context)
{
    private long _nextId;

    public IStrategy<RealVector> Strategy { get; } = strategy;
    public StrategyContext<RealVector> Context { get; } = context;
    public List<string> Proposed { get; } = [];

    public static StrategyHarness Start(IStrategy<RealVector> strategy, IProblem problem, ulong seed) =>
        new(strategy, problem, ProblemDriver.Context(problem, seed));

    /// <summary>Asks for up to <paramref name="batch"/>, evaluates, tells in order; repeats for <paramref name="evaluations"/>.</summary>
    public void Run(int evaluations, int batch)
    {
        int done = 0;
        while (done < evaluations)
        {
            var genomes = Ask(Math.Min(batch, evaluations - done));
            if (genomes.Count == 0) throw new InvalidOperationException("stalled");
            foreach (var g in genomes) Tell(g);
            done += genomes.Count;
        }
    }

    public IReadOnlyList<RealVector> Ask(int max)
    {
        var genomes = Strategy.Propose(max, Context);
        Proposed.AddRange(genomes.Select(g => g.Text));
        return genomes;
    }

    public void Tell(RealVector genome, bool fail = false)
    {
        var values = problem.Evaluate(genome.Values);
        var result = fail ? EvaluationResult.Fail("test failure") : EvaluationResult.Accept(values);
        Strategy.Tell(new Individual<RealVector>(_nextId++, genome, result, Context.Objectives.ToMinimized(result.Objectives)), Context);
    }

    /// <summary>A fresh strategy restored from this one's saved state and generator.</summary>
    public StrategyHarness Restore(IStrategy<RealVector> fresh)
    {
        var context = new StrategyContext<RealVector>(Context.Family, Context.Objectives, Rng.FromState(Context.Rng.State));
        fresh.LoadState(Strategy.SaveState(), context);
        return new StrategyHarness(fresh, problem, context) { _nextId = _nextId };
    }
}
