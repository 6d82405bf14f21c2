namespace Evaluators.Tests.Families.KanBasis.Parity;

/// <summary>
/// The layers of the parity tests, named by their kan-basis text (parsed, so the text is also the
/// genome syntax) and the layer's input width: every basis kind and the options it carries. B-spline
/// order 0 is no genome (spaces start orders at 1, and the reference refuses it), so order 1 is the lowest.
/// </summary>
public static class ParityCases
{
    /// <summary>Layer text and input width; the case name is "text @in".</summary>
    public sealed record Case(string Text, int In)
    {
        public string Name => $"{Text} @{In}";
    }

    private static readonly string[] Activations = ["softplus", "sigmoid", "silu", "relu", "leaky_relu", "elu", "gelu", "selu", "tanh"];
    private static readonly string[] Combinations = ["quad1", "quad2", "sum", "prod", "sum_prod", "cubic1", "cubic2"];
    private static readonly (int Grid, int Order)[] AfGrids = [(5, 3), (3, 2), (4, 1), (7, 4)];

    public static readonly IReadOnlyList<Case> All = [.. Plain(), .. AfKan(), .. Select(), .. Overrides()];

    public static readonly IReadOnlyDictionary<string, Case> ByName = All.ToDictionary(c => c.Name);

    public static TheoryData<string> Names => new(All.Select(c => c.Name));

    private static IEnumerable<Case> Plain()
    {
        foreach (var (g, k) in new[] { (1, 1), (2, 1), (3, 2), (5, 3), (7, 4), (10, 5), (32, 3) })
            yield return new($"bspline(grid={g},order={k})", 5);
        foreach (var (m, w, r) in new[] { (8, 1.0, 2.0), (2, 1.0, 2.0), (3, 0.5, 1.0), (16, 2.0, 4.0), (5, 0.25, 0.5) })
            yield return new($"rbf(centers={m},width={w},range={r})", 5);
        yield return new("rbf(centers=8,width=1,range=2)", 1); // in = 1: no normalisation, affine only
        yield return new("rbf(centers=4,width=1.5,range=3)", 2); // LayerNorm over two nodes
        foreach (int d in new[] { 1, 2, 4, 8, 16 }) yield return new($"chebyshev(degree={d})", 5);
        foreach (int k in new[] { 1, 2, 5, 16 }) yield return new($"fourier(freq={k})", 5);
        foreach (var (p, q, s) in new[] { (5, 4, 8), (1, 1, 1), (3, 2, 2), (8, 8, 16), (2, 5, 3), (4, 3, 5) })
            yield return new($"rational(p={p},q={q},groups={s})", 5);
        foreach (var (g, k) in new[] { (1, 1), (2, 1), (3, 2), (5, 3), (8, 5) })
            yield return new($"relu_kan(grid={g},order={k})", 5);
    }

    /// <summary>Every activation x every combination, the grid and order cycling through <see cref="AfGrids"/>.</summary>
    private static IEnumerable<Case> AfKan()
    {
        for (int a = 0; a < Activations.Length; a++)
            for (int c = 0; c < Combinations.Length; c++)
            {
                var (g, k) = AfGrids[(a * Combinations.Length + c) % AfGrids.Length];
                yield return new($"af_kan(act={Activations[a]},comb={Combinations[c]},grid={g},order={k})", 5);
            }
    }

    private static IEnumerable<Case> Select()
    {
        yield return new("select(chebyshev(degree=3),rbf(centers=6))", 5);
        yield return new("select(bspline(grid=3,order=3),rational(p=3,q=2,groups=2))", 5);
        yield return new("select(bspline(grid=4,order=2),relu_kan(grid=3,order=2),rbf(centers=5,width=0.5,range=1))", 5);
        yield return new("select(af_kan(act=tanh,comb=sum_prod,grid=4,order=2),fourier(freq=3))", 5);
        yield return new("select(rational(p=2,q=2,groups=1),rbf(),chebyshev(degree=2),bspline(grid=2,order=1))", 1);
    }

    private static IEnumerable<Case> Overrides()
    {
        yield return new("bspline(grid=5,order=3){2:fourier(freq=3)}", 5);
        yield return new("chebyshev(degree=4){0:rbf(),3:rational(p=3,q=2,groups=2),4:rbf()}", 5);
        yield return new("chebyshev(degree=3){2:rbf(centers=4)}", 5); // a one-node rbf group
        yield return new("rbf(){1:select(bspline(),relu_kan()),3:bspline(grid=2,order=1)}", 5);
        yield return new("af_kan(act=gelu,comb=cubic1){0:bspline(grid=3,order=1),2:rational(p=2,q=1,groups=1),4:select(rbf(),fourier())}", 5);
    }
}
