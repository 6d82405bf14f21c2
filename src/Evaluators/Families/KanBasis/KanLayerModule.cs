using Search.Genomes.KanBasis;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>Placeholder with the KAN layer's signature (a linear map), replaced by the real layer.</summary>
public sealed class KanLayerModule : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Linear inner;

    public KanLayerModule(KanLayer layer, int inFeatures, int outFeatures) : base("kan_layer")
    {
        Layer = layer;
        inner = nn.Linear(inFeatures, outFeatures);
        RegisterComponents();
    }

    public KanLayer Layer { get; }

    public override Tensor forward(Tensor x) => inner.forward(x);
}
