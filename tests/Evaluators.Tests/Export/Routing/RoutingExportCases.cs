using Evaluators.Export;
using Evaluators.Families.Routing;
using Evaluators.Slots;
using Evaluators.Tests.Families.Routing;
using Search.Genomes.Routing;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Export.Routing;

/// <summary>
/// Routing layers for the export tests, one per gate (top-k at k = 1 and 2, noisy top-k, dense-to-sparse
/// at a step, act-softmax with two activations, expert choice), most with a capacity small enough to drop
/// routes and tokens, and one roomy layer without loss weights; top-p at p = 0.4 and 0.9; the balancing bias
/// set by hand (so it changes the chosen experts) on softmax top-k (k = 2) and on top-p, with nonzero bias rates.
/// 12 tokens of 6 features, 4 experts of 5 hidden.
/// </summary>
public static class RoutingExportCases
{
    public const int Features = 6, Hidden = 5;

    /// <param name="Bias">the balance_bias the layer starts from (null: zeros).</param>
    public sealed record Case(string Name, RoutingGenome Genome, long[] InputShape, int? Step = null, bool Drops = true, float[]? Bias = null);

    /// <summary>A balancing bias large enough against p (about 1/4 each) to change the chosen experts.</summary>
    public static readonly float[] HandBias = [0.3f, -0.25f, 0.1f, -0.15f];

    public static readonly Case[] All =
    [
        new("softmax k1", MoeTestGenomes.Gate(GateType.SoftmaxTopK, 4, 1, 0.75), [3, 4, Features]),
        new("softmax k2", MoeTestGenomes.Gate(GateType.SoftmaxTopK, 4, 2, 0.5), [12, Features]),
        new("noisy k2", MoeTestGenomes.Gate(GateType.NoisyTopK, 4, 2, 0.75), [2, 6, Features]),
        new("dense to sparse", MoeTestGenomes.Gate(GateType.DenseToSparse, 4, 2, 0.5), [3, 4, Features], Step: 30),
        new("act gelu", MoeTestGenomes.Gate(GateType.ActSoftmax, 4, 2, 0.5, activation: GateActivation.Gelu), [12, Features]),
        new("act tanh", MoeTestGenomes.Gate(GateType.ActSoftmax, 4, 1, 0.75, activation: GateActivation.Tanh, tau: 0.5), [3, 4, Features]),
        new("expert choice", MoeTestGenomes.Gate(GateType.ExpertChoice, 4, 0, 0.5), [3, 4, Features]),
        new("expert choice roomy", MoeTestGenomes.Gate(GateType.ExpertChoice, 4, 0, 2, zLoss: 0), [12, Features], Drops: false),
        new("softmax roomy", MoeTestGenomes.Gate(GateType.SoftmaxTopK, 4, 2, 4, lb: 0, zLoss: 0), [12, Features], Drops: false),
        new("top p 0.4", MoeTestGenomes.Gate(GateType.TopP, 4, 0, 0.5, p: 0.4), [12, Features]),
        new("top p 0.9", MoeTestGenomes.Gate(GateType.TopP, 4, 0, 0.75, p: 0.9, bias: 0.01), [3, 4, Features]),
        new("softmax k2 bias", MoeTestGenomes.Gate(GateType.SoftmaxTopK, 4, 2, 0.75, bias: 0.05), [12, Features], Bias: HandBias),
        new("top p bias", MoeTestGenomes.Gate(GateType.TopP, 4, 0, 0.75, p: 0.6, bias: 0.02), [2, 6, Features], Bias: HandBias),
    ];

    public static Case Named(string name) => All.Single(c => c.Name == name);

    public static IEnumerable<object[]> Names() => All.Select(c => new object[] { c.Name });

    public static ExportItem Item(Case c) => new(c.Genome, "moe " + c.Name);

    public static RoutingExportLayer[] Layers() =>
        ExportLayerNames().Select((name, i) => RoutingExportLayer.Of(Item(All[i]), All[i].Genome, name)).ToArray();

    private static IEnumerable<string> ExportLayerNames()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        return All.Select(c => Identifiers.UniqueClassName(Item(c).Name, used)).ToArray();
    }

    /// <summary>The search's layer of the case in eval mode, seeded, noise_weight filled (so it is not all zeros), balance_bias set, at the case's step.</summary>
    public static MoeLayer Build(Case c)
    {
        manual_seed(11);
        var layer = new MoeLayer(c.Genome, Features, Hidden);
        if (c.Genome.Gate == GateType.NoisyTopK)
            using (no_grad())
                layer.get_parameter("noise_weight")!.copy_(randn(c.Genome.Experts, Features));
        if (c.Bias is { } bias)
            using (no_grad())
                layer.BalanceBias!.copy_(tensor(bias));
        if (c.Step is { } step) layer.BeforeStep(new TrainingStep(step, 100));
        layer.eval();
        return layer;
    }

    public static Tensor Inputs(Case c)
    {
        manual_seed(23);
        return randn(c.InputShape);
    }
}
