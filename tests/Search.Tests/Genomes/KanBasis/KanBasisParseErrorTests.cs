using Search.Core;
using Search.Genomes.KanBasis;

namespace Search.Tests.Genomes.KanBasis;

/// <summary>Every kind of parse error names its 0-based position and what was expected there.</summary>
public class KanBasisParseErrorTests
{
    private static readonly KanSpace PerNode = new() { Layers = 2, PerNode = true, Widths = [4, 4], MaxOverrides = 2 };

    private static void AssertError(KanSpace space, string text, int position, string expected)
    {
        var e = Assert.Throws<GenomeParseException>(() => new KanBasisFamily(space).Parse(text));
        Assert.Equal(position, e.Position);
        Assert.Contains(expected, e.Expected);
        Assert.Contains($"at position {position + 1}: expected ", e.Message);
        Assert.Equal(text, e.Text);
    }

    [Theory]
    [InlineData("", 0, "a basis name (bspline, rbf, chebyshev")]
    [InlineData("| rbf()", 0, "a basis name")]
    [InlineData("foo(grid=5) | rbf()", 0, "unknown basis 'foo'; known: bspline, rbf, chebyshev, fourier, rational, relu_kan, af_kan, select")]
    [InlineData("bspline grid=5) | rbf()", 8, "'(' after 'bspline'")]
    [InlineData("bspline(size=5) | rbf()", 8, "unknown parameter 'size' for 'bspline'; known: grid, order")]
    [InlineData("bspline(=5) | rbf()", 8, "a parameter name for 'bspline' (grid, order)")]
    [InlineData("bspline(grid=5,grid=6) | rbf()", 15, "'grid' is repeated")]
    [InlineData("bspline(grid 5) | rbf()", 13, "'=' after 'grid'")]
    [InlineData("bspline(grid=99) | rbf()", 13, "integer for 'grid' (2..32)")]
    [InlineData("bspline(grid=2.5) | rbf()", 13, "integer for 'grid' (2..32)")]
    [InlineData("bspline(grid=x) | rbf()", 13, "integer for 'grid' (2..32)")]
    [InlineData("rbf(width=0) | rbf()", 10, "number for 'width' (0.25..4)")]
    [InlineData("rbf(range=nan) | rbf()", 10, "number for 'range' (0.5..4)")]
    [InlineData("af_kan(act=swish) | rbf()", 11, "one of softplus, sigmoid, silu, relu, leaky_relu, elu, gelu, selu, tanh for 'act'")]
    [InlineData("af_kan(comb=max) | rbf()", 12, "one of quad1, quad2, sum, prod, sum_prod, cubic1, cubic2 for 'comb'")]
    [InlineData("bspline(grid=5;order=3) | rbf()", 14, "',' or ')'")]
    [InlineData("bspline(grid=5", 14, "',' or ')'")]
    [InlineData("bspline() rbf()", 10, "'|' and the next layer")]
    [InlineData("bspline()", 9, "'|' and 1 more layer(s) (the space has 2)")]
    [InlineData("bspline() | rbf() | fourier()", 18, "end of text after 2 layer(s)")]
    [InlineData("bspline() | rbf() x", 18, "'|' or end of text")]
    [InlineData("select(rbf()) | rbf()", 12, "a second candidate (select needs at least 2)")]
    [InlineData("select(rbf(),select(rbf(),fourier())) | rbf()", 13, "select cannot be a candidate of select")]
    [InlineData("select(rbf(),fourier(),chebyshev(),rational()) | rbf()", 0, "at most 3 distinct candidates in select (found 4)")]
    [InlineData("select(rbf(),fourier() | rbf()", 23, "',' or ')'")]
    [InlineData("rbf(){0:fourier()} | rbf()", 5, "per-node overrides are off in this space")]
    public void Default_space_errors(string text, int position, string expected) => AssertError(KanSpaces.Two, text, position, expected);

    [Theory]
    [InlineData("rbf(){4:fourier()} | rbf()", 6, "node index for layer 0 (0..3)")]
    [InlineData("rbf() | rbf(){-1:fourier()}", 14, "node index for layer 1 (0..3)")]
    [InlineData("rbf(){1:fourier(),1:chebyshev()} | rbf()", 18, "each node once (node 1 is repeated)")]
    [InlineData("rbf(){1 fourier()} | rbf()", 8, "':' after the node index")]
    [InlineData("rbf(){1:fourier() | rbf()", 18, "',' or '}'")]
    [InlineData("rbf(){0:fourier(),1:fourier(),2:fourier()} | rbf()", 5, "at most 2 overridden nodes per layer (found 3)")]
    [InlineData("rbf(){1:nope()} | rbf()", 8, "unknown basis 'nope'")]
    public void Per_node_errors(string text, int position, string expected) => AssertError(PerNode, text, position, expected);

    [Fact]
    public void A_basis_outside_the_allowed_set_is_named()
    {
        var space = new KanSpace { Layers = 1, Allowed = [KanBasisKind.BSpline, KanBasisKind.Rbf] };
        AssertError(space, "fourier()", 0, "'fourier' is not allowed here; allowed: bspline, rbf");
        AssertError(space, "bspline() x", 10, "'|' or end of text");
    }

    [Fact]
    public void An_omitted_key_whose_default_is_outside_the_space_is_reported()
    {
        var space = new KanSpace { Layers = 1, Grid = new(8, 16) };
        AssertError(space, "bspline(order=3)", 15, "a value for 'grid' (its default 5 is outside this space: integer for 'grid' (8..16))");
    }

    [Fact]
    public void Names_are_case_sensitive() => AssertError(KanSpaces.Two, "BSpline() | rbf()", 0, "unknown basis 'BSpline'");
}
