using Evaluators.Slots;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Evaluators.Models;

/// <summary>
/// A basic residual block whose norm-act layers are slots: act2(conv2(act1(conv1(x))) + shortcut(x)),
/// with 3x3 convolutions and a 1x1 convolution shortcut where the stride or width changes (else the
/// identity). The slot after the sum plays the BN-ReLU after the addition of the original ResNet.
/// </summary>
public sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1, conv2;
    private readonly nn.Module<Tensor, Tensor> act1, act2, shortcut;

    public ResidualBlock(int inChannels, int outChannels, int stride, ISlotFactory slot) : base("residual_block")
    {
        conv1 = nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1);
        act1 = slot.Create(SlotSite.Same(outChannels));
        conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1);
        shortcut = stride == 1 && inChannels == outChannels
            ? nn.Identity()
            : nn.Conv2d(inChannels, outChannels, 1, stride: stride);
        act2 = slot.Create(SlotSite.Same(outChannels));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) =>
        act2.forward(conv2.forward(act1.forward(conv1.forward(x))) + shortcut.forward(x));

    protected override void Dispose(bool disposing)
    {
        if (disposing) foreach (var m in new nn.Module[] { conv1, conv2, act1, act2, shortcut }) m.Dispose();
        base.Dispose(disposing);
    }
}
