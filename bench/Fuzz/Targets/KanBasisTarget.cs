using Search.Genomes.KanBasis;

namespace Bench.Fuzz.Targets;

/// <summary>The kan-basis parser, in a two-layer space with per-node overrides on (the widest grammar).</summary>
public sealed class KanBasisTarget() : GenomeTextTarget<KanBasisGenome>(
    new KanBasisFamily(new KanSpace { Layers = 2, PerNode = true, Widths = [4, 3] }), "kan-basis",
[
    "|", "{", "}", ":", ",", "(", ")", "=", "0:", "3:", "select(", "bspline(", "rbf(", "chebyshev(", "fourier(",
    "rational(", "relu_kan(", "af_kan(", "grid=", "order=", "centers=", "width=", "range=", "degree=", "freq=",
    "p=", "q=", "groups=", "act=", "comb=", "sum_prod", "silu", "1e308", "-1", "2.5", "select(rbf(),fourier())",
]);
