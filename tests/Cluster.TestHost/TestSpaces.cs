using Search.Variation;
using Cluster.Spaces;
using Evaluators.Candidates;
using Search.Core;
using Search.Engine;
using Search.Genomes.RealVector;
using Search.Strategies;

namespace Cluster.TestHost;

/// <summary>A two-objective real-vector space (ZDT1 objectives, computed by <see cref="FakeEvaluator"/>) searched by NSGA-II: one generation is a real barrier.</summary>
public static class TestSpaces
{
    public const int Dimension = 4;
    public static RealVectorFamily Family { get; } = new(Enumerable.Repeat(0.0, Dimension).ToArray(), Enumerable.Repeat(1.0, Dimension).ToArray());

    public static SearchSpace Zdt1(ulong seed, long maxEvaluations, int population = 8) => new()
    {
        Name = "zdt1-test",
        Source = "embedded:zdt1-test",
        Family = Family.Erase(),
        CreateStrategy = () => new Nsga2<IGenome>(new Nsga2Options(population)),
        StrategyName = "nsga2",
        Objectives = ObjectiveSet.Minimize("f1", "f2"),
        Engine = new EngineSettings(seed, population, maxEvaluations),
        Evaluation = new EvaluationPlan { Tasks = ["zdt1"], Objectives = ["f1", "f2"] },
        Seed = seed,
        Fingerprint = 0x2D71,
    };

    /// <summary>
    /// <see cref="Zdt1"/> under multi-fidelity evaluation: rungs of 1, 2 and 3 "epochs" (the fake
    /// evaluator's f2 shrinks with epochs), the better half of each rung promoted on f2.
    /// </summary>
    public static SearchSpace Zdt1Rungs(ulong seed, long maxEvaluations, int population = 8)
    {
        var space = Zdt1(seed, maxEvaluations, population);
        return space with
        {
            Name = "zdt1-rungs-test",
            Engine = space.Engine with { Fidelity = new FidelitySettings([0.5, 0.5], RankObjective: 1) },
            RungPlans = new[] { 1, 2, 3 }.Select(e => space.Evaluation with { Epochs = e, Seeds = e == 3 ? 2 : 1 }).ToArray(),
            Fingerprint = 0x2D72,
        };
    }
}
