using Search.Variation;
using Cluster.Spaces;
using Search.Core;
using Search.Engine;
using Search.Genomes.Activation;

namespace Cluster.Tests.Spaces;

/// <summary>
/// One engine over IGenome serves any family through the adapter: short aging, NSGA-II,
/// multitask-tournament and islands searches run to their budget with a fake evaluator, are
/// deterministic, and save and restore their strategy state through the erased family.
/// </summary>
public sealed class ErasedEngineTests
{
    private static string Space(string strategy, int objectives) =>
        SpaceFiles.Valid
            .Replace("  name: aging\n  population: 8\n  sample: 3\n", strategy)
            .Replace("  - metric: validation_accuracy\n", objectives == 1
                ? "  - metric: validation_accuracy\n"
                : "  - metric: validation_accuracy\n  - metric: parameters\n")
            .Replace("max_evaluations: 20", "max_evaluations: 40");

    public static TheoryData<string, int> Strategies => new()
    {
        { "  name: aging\n  population: 8\n  sample: 3\n  crossover: 0.5\n", 1 },
        { "  name: nsga2\n  population: 8\n", 2 },
        { "  name: multitask-tournament\n  population: 8\n  sample: 3\n", 2 },
        { "  name: islands\n  islands: 2\n  migration_interval: 10\n  migrants: 1\n  inner:\n    name: aging\n    population: 6\n    sample: 2\n", 1 },
        { "  name: genetic\n  population: 8\n  selection: { name: tournament, size: 3 }\n  reinsertion: { name: elitist, elites: 2 }\n", 1 },
        { "  name: genetic\n  population: 8\n  weights: [1, 0.1]\n  selection: stochastic-universal-sampling\n  reinsertion: uniform\n", 2 },
        { "  name: random\n  population: 8\n", 1 },
    };

    // A fake evaluator: shorter texts and larger f(1) are better; a few candidates fail.
    private static EvaluationResult Evaluate(IGenome genome, int objectives)
    {
        var activation = Assert.IsType<ActivationGenome>(genome);
        if (activation.StructuralHash % 7 == 0) return EvaluationResult.Reject("fake", "unlucky hash");
        double score = activation.Evaluate(1.0);
        if (!double.IsFinite(score)) return EvaluationResult.Fail("not finite");
        return objectives == 1 ? EvaluationResult.Accept(score - 0.01 * activation.NodeCount)
            : EvaluationResult.Accept(score, activation.NodeCount);
    }

    private static (SearchEngine<IGenome> Engine, List<string> Texts) Run(SearchSpace space, int objectives)
    {
        var engine = new SearchEngine<IGenome>(space.Family, space.CreateStrategy(), space.Objectives, space.Engine);
        var texts = new List<string>();
        while (!engine.IsDone)
        {
            Assert.False(engine.IsStalled);
            // Results come back out of order, as from several workers.
            var batch = engine.Ask(3).Reverse().ToArray();
            foreach (var p in batch)
            {
                texts.Add(p.Genome.Text);
                engine.Tell(p.Id, Evaluate(p.Genome, objectives));
            }
        }
        return (engine, texts);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Runs_to_budget_deterministically(string strategy, int objectives)
    {
        var space = SpaceFiles.Load(Space(strategy, objectives));
        var (engine, texts) = Run(space, objectives);
        Assert.Equal(40, engine.Counters.Applied);
        Assert.NotEmpty(engine.Archive.Front);
        Assert.All(engine.Strategy.Population, i => Assert.IsType<ActivationGenome>(i.Genome));
        Assert.True(texts.Distinct().Count() > 10, "the search should explore");
        Assert.Equal(texts, Run(space, objectives).Texts);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Strategy_state_round_trips_through_the_erased_family(string strategy, int objectives)
    {
        var space = SpaceFiles.Load(Space(strategy, objectives));
        var (engine, _) = Run(space, objectives);
        var restored = space.CreateStrategy();
        restored.LoadState(engine.Strategy.SaveState(), new StrategyContext<IGenome>(space.Family, space.Objectives, new Rng(1)));
        Assert.Equal(engine.Strategy.Population.Select(i => i.Genome.Text), restored.Population.Select(i => i.Genome.Text));
        Assert.All(restored.Population, i => Assert.IsType<ActivationGenome>(i.Genome));
    }

    [Fact]
    public void Adapter_refuses_a_genome_of_another_family()
    {
        var erased = new ActivationFamily().Erase();
        var foreign = new Search.Genomes.NormAct.NormActFamily().Parse("x * gamma + beta");
        var e = Assert.Throws<ArgumentException>(() => erased.Mutate(foreign, new Rng(1)));
        Assert.Contains("not a genome of the 'activation' family", e.Message);
    }
}
