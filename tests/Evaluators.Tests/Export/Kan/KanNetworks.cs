using Evaluators.Export;
using Evaluators.Families.KanBasis;
using Evaluators.Models;
using Evaluators.Slots;
using Evaluators.Training;
using Search.Genomes.KanBasis;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Export.Kan;

/// <summary>
/// KAN networks for export tests: every basis kind, every AF-KAN activation and combination, selects,
/// overrides (one taking every node of its layer), a template deeper than the genome, and B-spline
/// grid domains moved by a grid update (per node). Each is built as the search builds it
/// (LinearSlotNet + KanGenomeSlot), its parameters moved off their inits, and read back as the run's
/// learned values.
/// </summary>
public static class KanNetworks
{
    /// <summary>A network to export; <paramref name="GridUpdate"/>: its grids follow <see cref="GridSamples"/> (domains differ per node).</summary>
    public sealed record Case(string Name, KanBasisGenome Genome, int[] Widths, bool GridUpdate = false);

    private static KanLayer L(Basis basis, params KanNodeOverride[] overrides) => KanLayer.Create(basis, overrides);
    private static KanBasisGenome G(params KanLayer[] layers) => KanBasisGenome.Create(layers);

    private static readonly (AfActivation, AfCombination)[] AfPairs = Enum.GetValues<AfActivation>()
        .Select((a, i) => (a, Enum.GetValues<AfCombination>()[i % 7])).Append((AfActivation.Silu, AfCombination.Cubic2)).ToArray();

    public static readonly IReadOnlyList<Case> All =
    [
        new("bspline", G(L(new BSplineBasis(5, 3)), L(new BSplineBasis(3, 1))), [3, 4, 2]),
        new("rbf", G(L(new RbfBasis(8, 1, 2)), L(new RbfBasis(5, 0.7, 1.5))), [3, 1, 2]), // layer 1: one node, no normalisation
        new("chebyshev", G(L(new ChebyshevBasis(4)), L(new ChebyshevBasis(1))), [3, 4, 2]),
        new("fourier", G(L(new FourierBasis(3)), L(new FourierBasis(1))), [3, 4, 2]),
        new("rational", G(L(new RationalBasis(5, 4, 2)), L(new RationalBasis(1, 1, 3))), [3, 4, 2]),
        new("relu_kan", G(L(new ReluKanBasis(5, 3)), L(new ReluKanBasis(2, 1))), [3, 4, 2]),
        .. Enumerable.Range(0, AfPairs.Length / 2).Select(i => new Case($"af_kan {i}",
            G(L(new AfKanBasis(AfPairs[2 * i].Item1, AfPairs[2 * i].Item2, 4, 2)), L(new AfKanBasis(AfPairs[2 * i + 1].Item1, AfPairs[2 * i + 1].Item2, 3, 1))),
            [3, 4, 2])),
        new("select", G(L(SelectBasis.Create([new BSplineBasis(4, 2), new RationalBasis(3, 2, 2), new RbfBasis(6, 1, 2)])),
            L(SelectBasis.Create([new ChebyshevBasis(3), new FourierBasis(2)]))), [3, 4, 2]),
        new("overrides", G(L(new BSplineBasis(5, 3), new(1, new RbfBasis(8, 1, 2)), new(2, new ChebyshevBasis(3)), new(3, new RbfBasis(8, 1, 2))),
            L(new FourierBasis(2), new KanNodeOverride(0, new RationalBasis(3, 2, 2)))), [5, 3, 2]),
        // Layer 0 at two inputs: both nodes overridden, so relu_kan is the layer's only basis.
        new("every node overridden", G(L(new ChebyshevBasis(2), new(0, new ReluKanBasis(3, 2)), new(1, new ReluKanBasis(3, 2))), L(new BSplineBasis(4, 2))), [2, 3, 1]),
        new("deeper template", G(L(new ChebyshevBasis(3)), L(new BSplineBasis(3, 2), new KanNodeOverride(1, new FourierBasis(2)))), [3, 4, 4, 2]),
        // Two bspline groups and a select with a bspline candidate (no domain) in layer 0; hidden activations set layer 1's domains.
        new("grid update", G(L(new BSplineBasis(5, 3), new(1, new RbfBasis(8, 1, 2)), new(2, SelectBasis.Create([new BSplineBasis(4, 2), new ChebyshevBasis(2)])),
            new(3, new BSplineBasis(3, 1))), L(new BSplineBasis(4, 2))), [5, 3, 2], GridUpdate: true),
    ];

    public static Case Named(string name) => All.Single(c => c.Name == name);

    public static TheoryData<string> Names => new(All.Select(c => c.Name));

    /// <summary>The network as the search trains it, its parameters moved off their inits (from <paramref name="seed"/>).</summary>
    public static nn.Module<Tensor, Tensor> Build(KanBasisGenome genome, int[] widths, ulong seed = 5)
    {
        var template = new LinearSlotNet(widths[1..^1]);
        var model = Trainer.Seeded(seed, () => template.Build([widths[0]], widths[^1], new KanGenomeSlot(genome)));
        using var g = new Generator(seed + 1);
        using var noGrad = no_grad();
        foreach (var (_, p) in model.named_parameters()) p.add_(randn(p.shape, generator: g).mul(0.3));
        return model;
    }

    /// <summary>The case's network as <see cref="Build(KanBasisGenome, int[], ulong)"/> makes it, then its grids updated when the case says so.</summary>
    public static nn.Module<Tensor, Tensor> Build(Case c, ulong seed = 5)
    {
        var model = Build(c.Genome, c.Widths, seed);
        if (c.GridUpdate)
        {
            using var scope = NewDisposeScope();
            SampleAdaptation.AdaptTo(model, GridSamples(c.Widths[0]));
        }
        return model;
    }

    /// <summary>Samples with a centre and spread of their own per input node, so updated domains differ per node.</summary>
    public static Tensor GridSamples(int width)
    {
        using var g = new Generator(13);
        var node = arange(width, dtype: float32);
        return randn([64, width], generator: g).mul(node.mul(0.4f).add(0.3f)).add(node.mul(0.5f).sub(0.8f));
    }

    /// <summary>The export item the run would hold for the trained network.</summary>
    public static ExportItem Item(Case c, nn.Module<Tensor, Tensor> model) =>
        new(c.Genome, "kan " + c.Name, new CompiledKan(c.Genome, null).ReadLearned(model));

    /// <summary>Inputs in and outside the grid's [-1, 1], the grid's ends and 0 included.</summary>
    public static Tensor Inputs(int width, ulong seed = 9)
    {
        using var g = new Generator(seed);
        var edges = tensor(new float[] { -1, 1, 0, -3, 3, 0.5f }).unsqueeze(1).expand(6, width);
        return cat([randn([20, width], generator: g).mul(1.2f), edges], 0);
    }
}
