using Search.Genomes.KanBasis;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// The input nodes of one KAN layer that share a basis, with that basis's features and the names of
/// its coefficient tensors: W = <see cref="WeightName"/> (out, n, C) and, for bspline, the per-edge
/// <see cref="ScalerName"/> (out, n).
/// </summary>
public sealed class KanBasisGroup
{
    internal KanBasisGroup(int index, Basis basis, int[] nodes, IKanFeatures features, string weightName, string? scalerName)
    {
        Index = index;
        Basis = basis;
        Nodes = nodes;
        Features = features;
        WeightName = weightName;
        ScalerName = scalerName;
    }

    public int Index { get; }

    /// <summary>The basis as the layer now computes it (a refined grid shows here).</summary>
    public Basis Basis { get; internal set; }

    /// <summary>Input node indices, ascending.</summary>
    public IReadOnlyList<int> Nodes { get; }

    public IKanFeatures Features { get; internal set; }
    public string WeightName { get; }
    public string? ScalerName { get; }

    /// <summary>
    /// For bspline groups, the buffers holding each node's grid domain [low, high] (initially [-1, 1]),
    /// moved to where the data lies by <see cref="KanLayerModule.UpdateGrid"/>; null for other bases.
    /// </summary>
    public (string Low, string High)? DomainNames { get; internal init; }
}
