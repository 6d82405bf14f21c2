using Search.Core;

namespace Search.Genomes.KanBasis;

/// <summary>The kan-basis genome family: per-layer KAN basis choices within a <see cref="KanSpace"/>.</summary>
public sealed class KanBasisFamily : IGenomeFamily<KanBasisGenome>
{
    public const string FamilyName = "kan-basis";

    private readonly KanBasisSampler _sampler;
    private readonly KanBasisMutator _mutator;

    public KanBasisFamily(KanSpace space)
    {
        space.Validate();
        Space = space;
        _sampler = new KanBasisSampler(space);
        _mutator = new KanBasisMutator(space, _sampler);
    }

    public KanSpace Space { get; }
    public string Name => FamilyName;
    public bool SupportsCrossover => true;

    public KanBasisGenome Parse(string text) => KanBasisParser.Parse(Space, text);
    public KanBasisGenome Random(Rng rng) => _sampler.Genome(rng);
    public KanBasisGenome Mutate(KanBasisGenome parent, Rng rng) => _mutator.Mutate(parent, rng);
    public KanBasisGenome Crossover(KanBasisGenome a, KanBasisGenome b, Rng rng) => _mutator.Crossover(a, b, rng);
}
