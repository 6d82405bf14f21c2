namespace Evaluators.Families.KanBasis.Export;

/// <summary>What one axis of a KAN parameter spans.</summary>
public enum KanDimKind { Out, In, Nodes, Fixed }

/// <summary>
/// One axis of a parameter of a generated layer class: the layer's outputs or inputs, the nodes of
/// the parameter's basis group, or a fixed size. The classes are generic in (in, out), so shapes are
/// written symbolically in code and resolved only for a concrete network.
/// </summary>
public readonly record struct KanDim(KanDimKind Kind, int Size = 0)
{
    public static KanDim Out => new(KanDimKind.Out);
    public static KanDim In => new(KanDimKind.In);
    public static KanDim Nodes => new(KanDimKind.Nodes);
    public static KanDim Of(int size) => new(KanDimKind.Fixed, size);

    public long Resolve(int inFeatures, int outFeatures, int nodes) => Kind switch
    {
        KanDimKind.Out => outFeatures,
        KanDimKind.In => inFeatures,
        KanDimKind.Nodes => nodes,
        _ => Size,
    };

    /// <summary>The axis as code, given the code of the layer's outputs, inputs and the group's node count.</summary>
    public string Code(string outFeatures, string inFeatures, string nodes) => Kind switch
    {
        KanDimKind.Out => outFeatures,
        KanDimKind.In => inFeatures,
        KanDimKind.Nodes => nodes,
        _ => Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
