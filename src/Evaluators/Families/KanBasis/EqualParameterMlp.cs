using Evaluators.Slots;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// The kan-basis family's MLP baseline ("mlp"): a SiLU MLP with as many hidden layers as the KAN
/// template (at least one), equal hidden widths chosen so its parameter count is the closest to the
/// template filled with efficient-kan's default layer, B-spline G=5, k=3, in every slot (ties go to
/// the narrower). On [784, 64, 10] that is 508,160 KAN values against [784, 639, 10] = 508,015; on
/// the KAN paper's [2, 1, 1], 30 against [2, 7, 1] = 29. The KAN literature's "MLP of equal
/// parameters", as a baseline the search, confirm and `train --basis mlp` treat like a genome.
/// </summary>
public sealed class EqualParameterMlp : ILinearStackFactory
{
    public const string BuiltinName = "mlp";

    /// <summary>The layer whose parameter count the MLP matches (efficient-kan's default).</summary>
    public const string ReferenceLayer = "bspline(grid=5,order=3)";

    // A B-spline edge of G=5, k=3: G + k coefficients, the SiLU base weight and the spline scaler (no bias).
    private const long ReferenceValuesPerEdge = 5 + 3 + 1 + 1;
    private const int MaxWidth = 1 << 16;

    public string Name => BuiltinName;

    /// <summary>Parameters of the KAN with widths [inputs, widths...] and the reference layer in every slot.</summary>
    public static long KanParameters(int inputs, IReadOnlyList<int> widths)
    {
        long total = 0;
        int width = inputs;
        foreach (int w in widths)
        {
            total += ReferenceValuesPerEdge * width * w;
            width = w;
        }
        return total;
    }

    /// <summary>Weights and biases of inputs -> hidden x layers -> outputs.</summary>
    public static long MlpParameters(int inputs, int hidden, int layers, int outputs) =>
        (inputs + 1L) * hidden + (layers - 1L) * (hidden + 1) * hidden + (hidden + 1L) * outputs;

    /// <summary>The hidden widths of the MLP that stands for the KAN [inputs, widths...].</summary>
    public static int[] HiddenWidths(int inputs, IReadOnlyList<int> widths)
    {
        if (widths.Count == 0) throw new ArgumentException("a Linear stack needs at least its output width", nameof(widths));
        int layers = Math.Max(1, widths.Count - 1), outputs = widths[^1];
        long target = KanParameters(inputs, widths);
        int best = 1;
        long bestGap = Math.Abs(MlpParameters(inputs, 1, layers, outputs) - target);
        for (int h = 2; h <= MaxWidth; h++)
        {
            long count = MlpParameters(inputs, h, layers, outputs);
            if (Math.Abs(count - target) < bestGap) (best, bestGap) = (h, Math.Abs(count - target));
            else if (count > target) break; // growing with h: no closer one follows
        }
        return Enumerable.Repeat(best, layers).ToArray();
    }

    public nn.Module<Tensor, Tensor> CreateStack(int inputs, IReadOnlyList<int> widths)
    {
        var hidden = HiddenWidths(inputs, widths);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        int width = inputs;
        for (int i = 0; i < hidden.Length; i++)
        {
            layers.Add(($"linear{i}", nn.Linear(width, hidden[i])));
            layers.Add(($"silu{i}", nn.SiLU()));
            width = hidden[i];
        }
        layers.Add(($"linear{hidden.Length}", nn.Linear(width, widths[^1])));
        return nn.Sequential(layers);
    }

    public nn.Module<Tensor, Tensor> Create(SlotSite site) => throw new NotSupportedException(
        $"the '{BuiltinName}' baseline replaces a KAN template's whole stack of Linear slots (LinearSlotNet), not the one slot {site.Index}");
}
