using Evaluators.Slots;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Evaluators.Models;

/// <summary>
/// A residual MLP whose feed-forward blocks are slots, as a mixture-of-experts layer replaces the
/// feed-forward block of a transformer: flatten, Linear to <see cref="Width"/>, then
/// <see cref="Blocks"/> times <c>x + slot(layer_norm(x))</c> (slot site Width to Width), then a
/// layer norm and a linear head.
/// </summary>
public sealed class FeedForwardSlotNet(int width, int blocks) : IModelTemplate
{
    public int Width { get; } = width > 0 ? width : throw new ArgumentOutOfRangeException(nameof(width), width, "must be positive");
    public int Blocks { get; } = blocks > 0 ? blocks : throw new ArgumentOutOfRangeException(nameof(blocks), blocks, "must be positive");

    public string Name => $"feed-forward-slots-{Width}x{Blocks}";
    public SlotKind Slots => SlotKind.FeedForward;

    public nn.Module<Tensor, Tensor> Build(int[] sampleShape, int outputs, ISlotFactory slot)
    {
        int inputs = sampleShape.Aggregate(1, (a, b) => a * b);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)> { ("flatten", nn.Flatten()), ("embed", nn.Linear(inputs, Width)) };
        for (int i = 0; i < Blocks; i++) layers.Add(($"block{i}", new PreNormResidual(Width, slot.Create(new SlotSite(Width, Width, i)))));
        layers.Add(("norm", nn.LayerNorm(Width)));
        layers.Add(("head", nn.Linear(Width, outputs)));
        return nn.Sequential(layers);
    }

    /// <summary>x + block(layer_norm(x)).</summary>
    private sealed class PreNormResidual : nn.Module<Tensor, Tensor>
    {
        private readonly LayerNorm norm;
        private readonly nn.Module<Tensor, Tensor> block;

        public PreNormResidual(int width, nn.Module<Tensor, Tensor> block) : base("pre_norm_residual")
        {
            norm = nn.LayerNorm(width);
            this.block = block;
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) => x + block.forward(norm.forward(x));

        protected override void Dispose(bool disposing)
        {
            if (disposing) { norm.Dispose(); block.Dispose(); }
            base.Dispose(disposing);
        }
    }
}
