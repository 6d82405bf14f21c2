using Evaluators.Families.KanBasis;
using TorchSharp;
using Search.Genomes.KanBasis;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.KanBasis.Parity;

/// <summary>Parses a case's text in a wide space and builds its layer in float64, parameters moved off their init.</summary>
public static class ParityLayers
{
    private static KanSpace Space(int width) => new()
    {
        Layers = 1,
        PerNode = true,
        Widths = [width],
        MaxOverrides = width,
        Grid = new(1, 32),
        Order = new(1, 5),
        Centers = new(2, 32),
        Width = new(0.1, 10),
        Range = new(0.1, 10),
        MaxSelectCandidates = 4,
    };

    public static KanLayer Parse(ParityCases.Case c) => new KanBasisFamily(Space(c.In)).Parse(c.Text).Layers[0];

    /// <summary>
    /// The layer in float64 with every parameter moved by N(0, 0.3^2): off the symmetric init (select
    /// logits 0, rational b = 0, LayerNorm affine 1, 0), so that each one shows in the output.
    /// </summary>
    public static KanLayerModule Build(ParityCases.Case c, int outFeatures, int seed)
    {
        manual_seed(seed);
        var module = new KanLayerModule(Parse(c), c.In, outFeatures);
        module.to(float64);
        using var scope = NewDisposeScope();
        using (no_grad())
            foreach (var p in module.parameters()) p.add_(randn_like(p).mul(0.3));
        return module;
    }

    /// <summary>The named parameters as flat float64 arrays, in row-major order.</summary>
    public static Dictionary<string, double[]> Values(KanLayerModule module) =>
        module.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().cpu().contiguous().data<double>().ToArray());
}
