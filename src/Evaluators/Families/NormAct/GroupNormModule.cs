using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Evaluators.Families.NormAct;

/// <summary>
/// Group normalisation written with plain tensor ops (biased variance, eps 1e-5, per-channel
/// affine initialised to 1 and 0), as torch's group_norm computes it. TorchSharp 0.107's
/// nn.GroupNorm leaves its affine weight and bias uninitialised (seen as NaN and 1e34 outputs),
/// so the gn-relu baseline must not use it.
/// </summary>
public sealed class GroupNormModule : nn.Module<Tensor, Tensor>
{
    private readonly int _groups;

    public GroupNormModule(int groups, int channels) : base("group_norm")
    {
        if (channels % groups != 0) throw new ArgumentException($"{groups} groups do not divide {channels} channels");
        _groups = groups;
        register_parameter("weight", new Parameter(ones(channels)));
        register_parameter("bias", new Parameter(zeros(channels)));
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        long n = x.shape[0], c = x.shape[1];
        var grouped = x.reshape(n, _groups, -1);
        var mean = grouped.mean([2], keepdim: true);
        var variance = grouped.sub(mean).square().mean([2], keepdim: true);
        var normalised = grouped.sub(mean).div(variance.add(1e-5).sqrt()).reshape(x.shape);
        var shape = new long[x.dim()];
        Array.Fill(shape, 1L);
        shape[1] = c;
        var y = normalised.mul(get_parameter("weight")!.view(shape)).add(get_parameter("bias")!.view(shape));
        return y.MoveToOuterDisposeScope();
    }
}
