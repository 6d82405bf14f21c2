using Search.Core;
using Search.Genomes.KanBasis.Schema;

namespace Search.Genomes.KanBasis;

/// <summary>Random members of a <see cref="KanSpace"/>: each basis uniform over the allowed kinds, each parameter over its range.</summary>
internal sealed class KanBasisSampler(KanSpace space)
{
    private readonly KanBasisKind[] _plain = space.Allowed.Where(k => k != KanBasisKind.Select).Distinct().Order().ToArray();
    private readonly KanBasisKind[] _all = space.Allowed.Distinct().Order().ToArray();

    public KanBasisGenome Genome(Rng rng) => KanBasisGenome.Create(Enumerable.Range(0, space.Layers).Select(i => Layer(i, rng)));

    private KanLayer Layer(int layer, Rng rng)
    {
        var basis = Basis(rng);
        if (!space.PerNode || !rng.Chance(0.3)) return KanLayer.Create(basis);
        int count = rng.NextInt(1, Math.Min(space.MaxOverrides, space.Widths[layer]) + 1);
        var nodes = Enumerable.Range(0, space.Widths[layer]).ToArray();
        rng.Shuffle(nodes);
        return KanLayer.Create(basis, nodes.Take(count).Select(n => new KanNodeOverride(n, Basis(rng))));
    }

    /// <summary>Any allowed basis, select included.</summary>
    public Basis Basis(Rng rng) => Of(rng.Pick(_all), rng);

    public Basis PlainBasis(Rng rng) => Of(rng.Pick(_plain), rng);

    /// <summary>A random basis of the given kind; a select of identical draws may collapse to one basis.</summary>
    public Basis Of(KanBasisKind kind, Rng rng)
    {
        if (kind != KanBasisKind.Select) return Plain(BasisSchemas.For(kind), rng);
        int count = rng.NextInt(2, space.MaxSelectCandidates + 1);
        return SelectBasis.Create(Enumerable.Range(0, count).Select(_ => PlainBasis(rng)).ToArray());
    }

    private Basis Plain(BasisSchema schema, Rng rng) => schema.Build(schema.Params.Select(p => Value(p, rng)).ToArray());

    public double Value(ParamSpec p, Rng rng) => p.Type switch
    {
        ParamType.Int => rng.NextInt(p.IntRangeOf!(space).Min, p.IntRangeOf!(space).Max + 1),
        ParamType.Real => p.RealRangeOf!(space).Sample(rng),
        _ => rng.Pick(p.AllowedChoices!(space)),
    };
}
