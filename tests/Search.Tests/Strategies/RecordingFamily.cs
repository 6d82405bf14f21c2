using Search.Core;
using Search.Genomes.RealVector;
using Search.Variation;

namespace Search.Tests.Strategies;

/// <summary>Real vectors through single-child crossover only; records every crossover child in order.</summary>
internal class RecordingFamily(RealVectorFamily inner) : IGenomeFamily<RealVector>
{
    protected RealVectorFamily Inner { get; } = inner;
    public List<RealVector> Children { get; } = [];
    public int SingleCrossovers { get; private set; }

    public string Name => Inner.Name;
    public bool SupportsCrossover => true;
    public RealVector Parse(string text) => Inner.Parse(text);
    public RealVector Random(Rng rng) => Inner.Random(rng);
    public RealVector Mutate(RealVector parent, Rng rng) => Inner.Mutate(parent, rng);

    public RealVector Crossover(RealVector a, RealVector b, Rng rng)
    {
        SingleCrossovers++;
        var child = Inner.Crossover(a, b, rng);
        Children.Add(child);
        return child;
    }
}

/// <summary>The same, also offering <see cref="IPairCrossover{TGenome}"/>: SBX's two children, recorded in order.</summary>
internal sealed class RecordingPairFamily(RealVectorFamily inner) : RecordingFamily(inner), IPairCrossover<RealVector>
{
    public int PairCrossovers { get; private set; }

    public (RealVector First, RealVector Second) CrossoverPair(RealVector a, RealVector b, Rng rng)
    {
        PairCrossovers++;
        var pair = Inner.CrossoverPair(a, b, rng);
        Children.Add(pair.First);
        Children.Add(pair.Second);
        return pair;
    }
}
