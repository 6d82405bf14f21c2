using Search.Genomes.KanBasis;

namespace Search.Tests.Genomes.KanBasis;

/// <summary>Equivalent spellings normalise to one canonical text, and parsing yields the typed records.</summary>
public class KanBasisCanonicalTests
{
    private static readonly KanBasisFamily Two = new(KanSpaces.Two);
    private static readonly KanBasisFamily PerNode = new(new KanSpace { Layers = 2, PerNode = true, Widths = [4, 4] });

    [Theory]
    [InlineData("rbf(range=2.0, centers=8) |bspline(order=3,grid=5)", "rbf(centers=8,width=1,range=2) | bspline(grid=5,order=3)")]
    [InlineData("rbf(width=1.50,range=2e0) | rbf(width=0.500)", "rbf(centers=8,width=1.5,range=2) | rbf(centers=8,width=0.5,range=2)")]
    [InlineData("bspline(grid=5.0, order=+3) | fourier(freq=05)", "bspline(grid=5,order=3) | fourier(freq=5)")]
    [InlineData("rational() | relu_kan()", "rational(p=5,q=4,groups=8) | relu_kan(grid=5,order=3)")]
    [InlineData("af_kan() | chebyshev()", "af_kan(act=silu,comb=quad1,grid=5,order=3) | chebyshev(degree=4)")]
    [InlineData("select(fourier(freq=5),chebyshev(degree=4),fourier(freq=5.0)) | rbf()",
        "select(chebyshev(degree=4),fourier(freq=5)) | rbf(centers=8,width=1,range=2)")]
    [InlineData("select(rbf(),rbf(centers=8)) | rbf()", "rbf(centers=8,width=1,range=2) | rbf(centers=8,width=1,range=2)")]
    [InlineData("select(rbf(),rbf(),fourier(),chebyshev()) | rbf()",
        "select(chebyshev(degree=4),fourier(freq=5),rbf(centers=8,width=1,range=2)) | rbf(centers=8,width=1,range=2)")]
    [InlineData(" \tchebyshev ( degree = 4 )\n|\nchebyshev() ", "chebyshev(degree=4) | chebyshev(degree=4)")]
    public void Equivalent_spellings_normalise(string text, string canonical)
    {
        var g = Two.Parse(text);
        Assert.Equal(canonical, g.Text);
        Assert.Equal(g.StructuralHash, Two.Parse(canonical).StructuralHash);
    }

    [Fact]
    public void Overrides_are_sorted_and_those_equal_to_the_layer_basis_dropped()
    {
        var g = PerNode.Parse("fourier(){3:rbf(),0:chebyshev(),1:fourier(freq=5.0)} | fourier(){2:fourier()}");
        Assert.Equal("fourier(freq=5){0:chebyshev(degree=4),3:rbf(centers=8,width=1,range=2)} | fourier(freq=5)", g.Text);
        Assert.Equal(new ChebyshevBasis(4), g.Layers[0].BasisOf(0));
        Assert.Equal(new FourierBasis(5), g.Layers[0].BasisOf(1));
    }

    [Fact]
    public void Parsing_yields_typed_records_for_the_evaluators()
    {
        var g = Two.Parse("af_kan(act=leaky_relu,comb=sum_prod,grid=7,order=2) | select(rational(p=3,q=2,groups=4),rbf(centers=6,width=0.75,range=1.5))");
        Assert.Equal(new AfKanBasis(AfActivation.LeakyRelu, AfCombination.SumProd, 7, 2), g.Layers[0].Basis);
        var select = Assert.IsType<SelectBasis>(g.Layers[1].Basis);
        Assert.Equal([new RationalBasis(3, 2, 4), new RbfBasis(6, 0.75, 1.5)], select.Candidates);
    }

    [Fact]
    public void Records_print_their_canonical_text_and_select_create_canonicalises()
    {
        Assert.Equal("bspline(grid=5,order=3)", new BSplineBasis().Text);
        Assert.Equal("relu_kan(grid=9,order=2)", new ReluKanBasis(9, 2).ToString());
        var s = SelectBasis.Create([new FourierBasis(3), new ChebyshevBasis(2), new FourierBasis(3)]);
        Assert.Equal("select(chebyshev(degree=2),fourier(freq=3))", s.Text);
        Assert.Equal(s, SelectBasis.Create([new ChebyshevBasis(2), new FourierBasis(3)]));
        Assert.Equal(new FourierBasis(3), SelectBasis.Create([new FourierBasis(3), new FourierBasis(3)]));
        Assert.Throws<ArgumentException>(() => SelectBasis.Create([s, new FourierBasis(1)]));
    }

    [Fact]
    public void Distinct_genomes_have_distinct_text_and_hash()
    {
        var a = Two.Parse("bspline() | rbf()");
        var b = Two.Parse("rbf() | bspline()");
        Assert.NotEqual(a.Text, b.Text);
        Assert.NotEqual(a.StructuralHash, b.StructuralHash);
        Assert.NotEqual(a, b);
    }
}
