using Cluster.Spaces;
using Search.Core;
using Search.Engine;
using Search.Genomes.Activation;
using Search.Genomes.RealVector;
using Search.Strategies;
using Search.Variation;

namespace Cluster.Tests.Spaces;

/// <summary>Erasing the genome type changes nothing: the same seed gives the same proposals typed and erased.</summary>
public sealed class ErasedMatchesTypedTests
{
    private static List<string> Run<T>(IGenomeFamily<T> family, IStrategy<T> strategy, ObjectiveSet objectives,
        Func<T, EvaluationResult> evaluate) where T : IGenome
    {
        var engine = new SearchEngine<T>(family, strategy, objectives, new EngineSettings(Seed: 11, Lookahead: 4, MaxEvaluations: 60));
        var texts = new List<string>();
        while (!engine.IsDone)
            foreach (var p in engine.Ask(4))
            {
                texts.Add(p.Genome.Text);
                engine.Tell(p.Id, evaluate(p.Genome));
            }
        return texts;
    }

    // ZDT1-like: two objectives from the first coordinate and the rest.
    private static EvaluationResult Zdt(RealVector v)
    {
        double g = 1 + 9 * v.Values.Skip(1).Average();
        return EvaluationResult.Accept(v[0], g * (1 - Math.Sqrt(v[0] / g)));
    }

    [Fact]
    public void Nsga2_over_real_vectors_keeps_pair_crossover_and_proposes_the_same()
    {
        var family = new RealVectorFamily([0, 0, 0, 0], [1, 1, 1, 1]);
        var erased = family.Erase();
        Assert.IsAssignableFrom<IPairCrossover<IGenome>>(erased);
        var objectives = ObjectiveSet.Minimize("f1", "f2");
        var options = new Nsga2Options(PopulationSize: 12);
        var typed = Run(family, new Nsga2<RealVector>(options), objectives, Zdt);
        var viaErased = Run(erased, new Nsga2<IGenome>(options), objectives, g => Zdt((RealVector)g));
        Assert.Equal(typed, viaErased);
    }

    [Fact]
    public void Seeded_family_keeps_pair_crossover()
    {
        var erased = new RealVectorFamily([0, 0], [1, 1]).Erase();
        var seeded = SeededFamily.Create(erased, [erased.Parse(erased.Random(new Rng(1)).Text)], share: 0.5);
        Assert.IsAssignableFrom<IPairCrossover<IGenome>>(seeded);
        Assert.False(SeededFamily.Create(new ActivationFamily().Erase(), [new ActivationFamily().Parse("relu(x)")]) is IPairCrossover<IGenome>);
    }

    [Fact]
    public void Aging_over_activations_proposes_the_same()
    {
        var family = new ActivationFamily();
        var objectives = new ObjectiveSet([new Objective("score", Direction.Maximize)]);
        var options = new AgingOptions(PopulationSize: 10, SampleSize: 3, CrossoverProbability: 0.3);
        static EvaluationResult Score(ActivationGenome g) =>
            double.IsFinite(g.Evaluate(0.5)) ? EvaluationResult.Accept(g.Evaluate(0.5) - 0.01 * g.NodeCount) : EvaluationResult.Fail("nan");
        var typed = Run(family, new AgingEvolution<ActivationGenome>(options), objectives, Score);
        var viaErased = Run(family.Erase(), new AgingEvolution<IGenome>(options), objectives, g => Score((ActivationGenome)g));
        Assert.Equal(typed, viaErased);
    }
}
