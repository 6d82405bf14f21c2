using Search.Core;
using Search.Genomes.KanBasis;
using Search.Tests.Genomes.Text;

namespace Search.Tests.Genomes.KanBasis;

/// <summary>
/// Writes a genome in a random equivalent non-canonical spelling: shuffled keys, defaults omitted,
/// numbers spelled differently, select candidates shuffled and duplicated, overrides shuffled and
/// redundant ones added, random whitespace. Parsing it must give back the canonical text.
/// </summary>
public static class KanRespeller
{
    public static string Genome(KanBasisGenome g, KanSpace space, Rng rng) =>
        string.Join(NumberSpelling.Space(rng) + "|" + NumberSpelling.Space(rng), g.Layers.Select((l, i) => Layer(l, i, space, rng)));

    private static string Layer(KanLayer layer, int index, KanSpace space, Rng rng)
    {
        var overrides = layer.Overrides.Select(o => (o.Node, o.Basis)).ToList();
        // A node overridden with the layer's own basis is redundant and must vanish.
        if (space.PerNode && rng.Chance(0.3))
        {
            var free = Enumerable.Range(0, space.Widths[index]).Where(n => overrides.All(o => o.Node != n)).ToArray();
            if (free.Length > 0) overrides.Add((rng.Pick(free), layer.Basis));
        }
        rng.Shuffle(overrides);
        string text = Basis(layer.Basis, rng);
        if (overrides.Count == 0) return text;
        return text + "{" + string.Join(",", overrides.Select(o => $"{NumberSpelling.Int(o.Node, rng)}{NumberSpelling.Space(rng)}:{Basis(o.Basis, rng)}")) + "}";
    }

    public static string Basis(Basis basis, Rng rng)
    {
        if (basis is SelectBasis s)
        {
            var candidates = s.Candidates.ToList();
            if (rng.Chance(0.5)) candidates.Add(rng.Pick(s.Candidates));
            rng.Shuffle(candidates);
            return $"select({string.Join("," + NumberSpelling.Space(rng), candidates.Select(c => Basis(c, rng)))})";
        }
        var (name, pairs) = Pairs(basis, rng);
        var kept = pairs.Where(p => !p.IsDefault || rng.Chance(0.5)).ToList();
        rng.Shuffle(kept);
        return $"{name}{NumberSpelling.Space(rng)}({string.Join(",", kept.Select(p => $"{NumberSpelling.Space(rng)}{p.Key}={p.Value}"))})";
    }

    private static (string Name, List<(string Key, string Value, bool IsDefault)> Pairs) Pairs(Basis basis, Rng rng)
    {
        (string, string, bool) I(string key, int v, int dflt) => (key, NumberSpelling.Int(v, rng), v == dflt);
        (string, string, bool) R(string key, double v, double dflt) => (key, NumberSpelling.Real(v, rng), v == dflt);
        return basis switch
        {
            BSplineBasis b => ("bspline", [I("grid", b.Grid, 5), I("order", b.Order, 3)]),
            RbfBasis b => ("rbf", [I("centers", b.Centers, 8), R("width", b.Width, 1), R("range", b.Range, 2)]),
            ChebyshevBasis b => ("chebyshev", [I("degree", b.Degree, 4)]),
            FourierBasis b => ("fourier", [I("freq", b.Frequencies, 5)]),
            RationalBasis b => ("rational", [I("p", b.Numerator, 5), I("q", b.Denominator, 4), I("groups", b.Groups, 8)]),
            ReluKanBasis b => ("relu_kan", [I("grid", b.Grid, 5), I("order", b.Order, 3)]),
            AfKanBasis b => ("af_kan",
            [
                ("act", Snake(b.Activation.ToString()), b.Activation == AfActivation.Silu),
                ("comb", Snake(b.Combination.ToString()), b.Combination == AfCombination.Quad1),
                I("grid", b.Grid, 5), I("order", b.Order, 3),
            ]),
            _ => throw new ArgumentException(basis.GetType().Name),
        };
    }

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
