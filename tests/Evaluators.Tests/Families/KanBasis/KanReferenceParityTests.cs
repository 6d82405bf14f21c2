using Evaluators.Runtime;
using Evaluators.Tests.Families.KanBasis.Parity;
using Search.Genomes.KanBasis;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.KanBasis;

/// <summary>
/// The TorchSharp KAN layer in float64 against the float64 reference of Search.Genomes.KanBasis.Reference,
/// for every case of <see cref="ParityCases"/>: parameter names, the features of every basis group, and
/// the whole output assembled from the layer's own parameters; inputs inside, on and outside the grid.
/// </summary>
public class KanReferenceParityTests
{
    // Stricter than the issue's 1e-6: the two differ by rounding alone (measured: a few 1e-16 relative).
    private const double Tolerance = 1e-9;
    private const int Out = 3;

    public KanReferenceParityTests() => TorchRuntime.EnsureReady(1);

    [Theory]
    [MemberData(nameof(ParityCases.Names), MemberType = typeof(ParityCases))]
    public void Groups_and_parameter_names_follow_the_readme(string name)
    {
        var c = ParityCases.ByName[name];
        using var module = ParityLayers.Build(c, Out, seed: 11);
        var groups = ReferenceGroup.Of(module.Layer, c.In);
        Assert.Equal(groups.Select(g => string.Join(",", g.Nodes)), module.Groups.Select(g => string.Join(",", g.Nodes)));
        Assert.Equal(groups.Select(g => g.Basis.Text), module.Groups.Select(g => g.Basis.Text));
        Assert.Equal(ReferenceGroup.ParameterNames(groups), module.named_parameters().Select(p => p.name).ToHashSet());
    }

    [Theory]
    [MemberData(nameof(ParityCases.Names), MemberType = typeof(ParityCases))]
    public void Features_of_every_group_match_the_reference(string name)
    {
        var c = ParityCases.ByName[name];
        using var scope = NewDisposeScope();
        using var module = ParityLayers.Build(c, Out, seed: 11);
        var p = ParityLayers.Values(module);
        var x = ParityInputs.Rows(c.In, out int rows);
        var xt = tensor(x, dtype: float64).reshape(rows, c.In);
        var groups = ReferenceGroup.Of(module.Layer, c.In);
        for (int gi = 0; gi < groups.Count; gi++)
        {
            var g = groups[gi];
            var expected = ReferenceFeatures.Of(g, p, x, rows, c.In);
            int count = expected[0][0].Length;
            var nodes = tensor(g.Nodes.Select(i => (long)i).ToArray());
            var actual = module.Groups[gi].Features.Compute(xt.index_select(1, nodes));
            Assert.Equal([rows, g.Nodes.Length, count], actual.shape);
            ParityAssert.Close(expected.SelectMany(r => r.SelectMany(f => f)).ToArray(), actual.contiguous().data<double>().ToArray(),
                Tolerance, k => $"group {gi} '{g.Basis.Text}', x = {x[k / count / g.Nodes.Length * c.In + g.Nodes[k / count % g.Nodes.Length]]:R}, feature {k % count}");
        }
    }

    [Theory]
    [MemberData(nameof(ParityCases.Names), MemberType = typeof(ParityCases))]
    public void Layer_output_matches_the_reference_assembly(string name)
    {
        var c = ParityCases.ByName[name];
        using var scope = NewDisposeScope();
        using var module = ParityLayers.Build(c, Out, seed: 12);
        var x = ParityInputs.Rows(c.In, out int rows);
        var expected = ReferenceLayer.Output(ReferenceGroup.Of(module.Layer, c.In), ParityLayers.Values(module), x, rows, c.In, Out);
        var actual = module.forward(tensor(x, dtype: float64).reshape(rows, c.In)).data<double>().ToArray();
        ParityAssert.Close(expected, actual, Tolerance,
            k => $"row {k / Out} (x = {string.Join(", ", x.Skip(k / Out * c.In).Take(c.In))}), output {k % Out}");
    }

    public static TheoryData<string> BSplineNames =>
        new(ParityCases.All.Where(c => ParityLayers.Parse(c) is { Overrides.Count: 0, Basis: BSplineBasis }).Select(c => c.Name));

    /// <summary>The extended grid makes the G+k B-splines sum to 1 on [-1, 1], and the clamp carries that outside.</summary>
    [Theory]
    [MemberData(nameof(BSplineNames))]
    public void Bspline_features_are_a_partition_of_unity_at_every_input(string name)
    {
        var c = ParityCases.ByName[name];
        using var scope = NewDisposeScope();
        using var module = ParityLayers.Build(c, Out, seed: 13);
        var x = ParityInputs.Rows(c.In, out int rows);
        var sums = module.Groups[0].Features.Compute(tensor(x, dtype: float64).reshape(rows, c.In)).sum(-1);
        ParityAssert.Close(Enumerable.Repeat(1.0, x.Length).ToArray(), sums.data<double>().ToArray(), 1e-12, k => $"x = {x[k]:R}");
    }
}
