using Search.Core;
using Search.Variation;

namespace Search.Genomes.RealVector;

/// <summary>
/// Box-bounded real vectors with the standard NSGA-II operators: SBX (probability 1.0, eta 20)
/// and polynomial mutation (probability 1/n per variable, eta 20). Crossover returns one of the two
/// SBX children, chosen at random; CrossoverPair returns both.
/// </summary>
public sealed class RealVectorFamily : IGenomeFamily<RealVector>, IPairCrossover<RealVector>
{
    private readonly double[] _lower, _upper;

    public RealVectorFamily(IReadOnlyList<double> lower, IReadOnlyList<double> upper,
        double crossoverProbability = 1.0, double crossoverEta = 20, double? mutationProbability = null, double mutationEta = 20)
    {
        if (lower.Count == 0 || lower.Count != upper.Count) throw new ArgumentException("bounds need one (lower, upper) pair per variable");
        for (int i = 0; i < lower.Count; i++)
            if (!(lower[i] <= upper[i]) || !double.IsFinite(lower[i]) || !double.IsFinite(upper[i]))
                throw new ArgumentException($"variable {i}: bounds [{lower[i]}, {upper[i]}] are not a finite interval");
        _lower = [.. lower];
        _upper = [.. upper];
        CrossoverProbability = crossoverProbability;
        CrossoverEta = crossoverEta;
        MutationProbability = mutationProbability ?? 1.0 / lower.Count;
        MutationEta = mutationEta;
    }

    public string Name => "real-vector";
    public int Dimension => _lower.Length;
    public IReadOnlyList<double> Lower => _lower;
    public IReadOnlyList<double> Upper => _upper;
    public double CrossoverProbability { get; }
    public double CrossoverEta { get; }
    public double MutationProbability { get; }
    public double MutationEta { get; }
    public bool SupportsCrossover => true;

    public RealVector Parse(string text)
    {
        var (values, positions) = RealVectorParser.Parse(text);
        if (values.Length != Dimension)
            throw new GenomeParseException(text, Math.Max(0, text.Length - 1), $"{Dimension} values (got {values.Length})");
        for (int i = 0; i < values.Length; i++)
            if (values[i] < _lower[i] || values[i] > _upper[i])
                throw new GenomeParseException(text, positions[i], $"value {i} = {values[i]} inside [{_lower[i]}, {_upper[i]}]");
        return new RealVector(values);
    }

    public RealVector Random(Rng rng) => new(Enumerable.Range(0, Dimension).Select(i => rng.Uniform(_lower[i], _upper[i])).ToArray());

    public RealVector Mutate(RealVector parent, Rng rng) =>
        new(PolynomialMutation.Mutate(parent.Values, _lower, _upper, MutationProbability, MutationEta, rng));

    public RealVector Crossover(RealVector a, RealVector b, Rng rng)
    {
        if (!rng.Chance(CrossoverProbability)) return a;
        var (first, second) = SimulatedBinaryCrossover.Cross(a.Values, b.Values, _lower, _upper, CrossoverEta, rng);
        return new RealVector(rng.Chance(0.5) ? first : second);
    }

    public (RealVector First, RealVector Second) CrossoverPair(RealVector a, RealVector b, Rng rng)
    {
        if (!rng.Chance(CrossoverProbability)) return (a, b);
        var (first, second) = SimulatedBinaryCrossover.Cross(a.Values, b.Values, _lower, _upper, CrossoverEta, rng);
        return (new RealVector(first), new RealVector(second));
    }
}
