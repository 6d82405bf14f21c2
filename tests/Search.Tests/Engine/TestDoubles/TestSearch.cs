using Search.Core;
using Search.Engine;
using Search.Rejection;

namespace Search.Tests.Engine.TestDoubles;

/// <summary>
/// The scripted search shared by the determinism tests and the fresh-process probe: digit
/// genomes, the hill climber, a structural screen (at most 5 digits), and a fake evaluator that is
/// a pure function of (genome, evaluation seed). Each step asks for 3 proposals and tells their
/// results in an order that depends on the step, so buffering is exercised.
/// </summary>
public static class TestSearch
{
    public static readonly ObjectiveSet Objectives = new([new Objective("score", Direction.Maximize), new Objective("size", Direction.Minimize)]);

    public static EngineSettings Settings(ulong seed = 42, long max = long.MaxValue) => new(seed, Lookahead: 5, MaxEvaluations: max);

    public static RejectionPipeline<DigitGenome> Screen() => new(
        [new StructuralValidityStage<DigitGenome>(g => g.Digits.Count > 5 ? $"{g.Digits.Count} digits, limit 5" : null)],
        fullTrainingCostSeconds: 10, new FrozenTime());

    public static SearchEngine<DigitGenome> Create(ulong seed = 42, long max = long.MaxValue) =>
        new(new DigitFamily(), new HillClimber(), Objectives, Settings(seed, max), Screen());

    public static SearchEngine<DigitGenome> Restore(string path, ulong seed = 42, long max = long.MaxValue) =>
        SearchEngine<DigitGenome>.Restore(path, new DigitFamily(), new HillClimber(), Objectives, Settings(seed, max), Screen());

    /// <summary>Fake evaluation: score from the digits and the evaluation seed; some rejected, some failed.</summary>
    public static EvaluationResult Evaluate(Proposal<DigitGenome> p)
    {
        int sum = p.Genome.Digits.Sum();
        if (p.Genome.Digits[0] == 9) return EvaluationResult.Fail("worker lost");
        if (sum % 7 == 3) return EvaluationResult.Reject(StageNames.QualityHurdle, "below 20% after 100 steps");
        return EvaluationResult.Accept(sum + (p.EvaluationSeed % 1000) / 1e4, p.Genome.Digits.Count);
    }

    /// <summary>One step: ask 3, evaluate, tell in a step-dependent order (reversed on odd steps).</summary>
    public static void Step(SearchEngine<DigitGenome> engine, int step)
    {
        var batch = engine.Ask(3).ToList();
        if (step % 2 == 1) batch.Reverse();
        foreach (var p in batch) engine.Tell(p.Id, Evaluate(p));
    }

    public static void Run(SearchEngine<DigitGenome> engine, int fromStep, int steps)
    {
        for (int s = fromStep; s < fromStep + steps; s++) Step(engine, s);
    }
}
