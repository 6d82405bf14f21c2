using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Evaluators.Compile.Checks;

/// <summary>
/// EvoNorm-S0 written by hand from its formula, independent of the genome compiler:
/// y = x * sigmoid(v*x) / sqrt(var_(C/g,H,W)(x) + eps) * gamma + beta, computed on the grouped view
/// (N, g, C/g*H*W) rather than by broadcasting a statistic back to channels.
/// </summary>
public sealed class EvoNormS0Reference : nn.Module<Tensor, Tensor>
{
    private const double Eps = 1e-5;
    private readonly int _groups;

    public EvoNormS0Reference(int channels, int groups) : base("evonorm_s0")
    {
        _groups = groups;
        register_parameter("v", new Parameter(ones(1, channels, 1, 1)));
        register_parameter("weight", new Parameter(ones(1, channels, 1, 1)));
        register_parameter("bias", new Parameter(zeros(1, channels, 1, 1)));
    }

    public override Tensor forward(Tensor x)
    {
        var shape = x.shape;
        var grouped = x.reshape(shape[0], _groups, -1);
        var std = (grouped.var(2, unbiased: false, keepdim: true) + Eps).sqrt();
        var numerator = (x * (get_parameter("v")! * x).sigmoid()).reshape(shape[0], _groups, -1);
        return (numerator / std).reshape(shape) * get_parameter("weight")! + get_parameter("bias")!;
    }
}
