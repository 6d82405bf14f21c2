using Evaluators.Families.KanBasis;
using Evaluators.Runtime;
using Search.Genomes.KanBasis;
using Search.Genomes.KanBasis.Reference;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.KanBasis;

/// <summary>
/// Every plain basis's tensor features in float64 against the float64 reference (KanReference) to 1e-12, on a
/// sweep through, at the edges of and beyond [-1, 1]: the fast formulations compute the README's features.
/// </summary>
public class KanReferenceAgreementTests
{
    public KanReferenceAgreementTests() => TorchRuntime.EnsureReady(1);

    public static TheoryData<string> Bases()
    {
        var data = new TheoryData<string>();
        foreach (var b in AllBases().Keys) data.Add(b);
        return data;
    }

    private static Dictionary<string, Basis> AllBases()
    {
        var bases = new List<Basis>
        {
            new BSplineBasis(5, 3), new BSplineBasis(4, 1), new BSplineBasis(3, 5), new RbfBasis(8, 1, 2), new RbfBasis(5, 0.7, 1.5),
            new ChebyshevBasis(4), new ChebyshevBasis(9), new FourierBasis(5), new FourierBasis(1), new RationalBasis(5, 4, 1),
            new ReluKanBasis(5, 3), new ReluKanBasis(3, 1),
        };
        foreach (var act in Enum.GetValues<AfActivation>())
            foreach (var comb in Enum.GetValues<AfCombination>()) bases.Add(new AfKanBasis(act, comb, 5, 3));
        return bases.ToDictionary(b => b.Text);
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public void Features_equal_the_float64_reference(string text)
    {
        using var scope = NewDisposeScope();
        var basis = AllBases()[text];
        var xs = Enumerable.Range(0, 401).Select(i => -2.0 + i * 0.01).Concat([-1.0, 1.0, -7.5, 7.5, 0.0]).ToArray();
        // One node: RBF's LayerNorm is then its affine alone (u = x at init), as the reference takes u.
        var features = KanFeatureFactory.Create(basis, 1, "_0", new TestParameters());
        var f = features.Compute(tensor(xs, dtype: float64).reshape(xs.Length, 1)).squeeze(1);
        var values = f.data<double>().ToArray();
        int c = (int)f.shape[1];
        for (int r = 0; r < xs.Length; r++)
        {
            var expected = KanReference.Features(basis, xs[r]);
            Assert.Equal(expected.Length, c);
            for (int i = 0; i < c; i++)
                Assert.True(Math.Abs(values[r * c + i] - expected[i]) <= 1e-12 * Math.Max(1, Math.Abs(expected[i])),
                    $"{text} x={xs[r]:R} feature {i}: {values[r * c + i]:R} vs {expected[i]:R}");
        }
    }

    [Fact]
    public void Rbf_normalises_over_the_nodes_as_the_readme_says()
    {
        using var scope = NewDisposeScope();
        var basis = new RbfBasis(8, 1, 2);
        var parameters = new TestParameters();
        var features = new RbfFeatures(basis, 4, "_0", parameters);
        var weight = tensor(new[] { 0.5, 1.0, 2.0, -1.0 }, dtype: float64);
        var bias = tensor(new[] { 0.1, 0.0, -0.3, 0.2 }, dtype: float64);
        parameters.Replace("ln_weight_0", weight);
        parameters.Replace("ln_bias_0", bias);
        var x = randn(6, 4, dtype: float64).mul(3);
        var centred = x.sub(x.mean([-1], keepdim: true));
        var u = centred.div(centred.square().mean([-1], keepdim: true).add(1e-5).sqrt()).mul(weight).add(bias);
        var values = u.data<double>().ToArray();
        var f = features.Compute(x).data<double>().ToArray();
        for (int r = 0; r < values.Length; r++)
        {
            var expected = KanReference.Features(basis, values[r]);
            for (int c = 0; c < 8; c++) Assert.True(Math.Abs(f[r * 8 + c] - expected[c]) <= 1e-12, $"u={values[r]} feature {c}");
        }
    }
}
