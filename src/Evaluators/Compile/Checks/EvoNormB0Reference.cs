using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Evaluators.Compile.Checks;

/// <summary>
/// EvoNorm-B0 written by hand from its formula, independent of the genome compiler:
/// y = x / max(sqrt(var_NHW(x) + eps), v*x + sqrt(var_HW(x) + eps)) * gamma + beta, with the batch
/// variance biased in training and replaced by its running (unbiased, momentum 0.1) estimate in eval.
/// </summary>
public sealed class EvoNormB0Reference : nn.Module<Tensor, Tensor>
{
    private const double Eps = 1e-5, Momentum = 0.1;

    public EvoNormB0Reference(int channels) : base("evonorm_b0")
    {
        register_parameter("v", new Parameter(ones(1, channels, 1, 1)));
        register_parameter("weight", new Parameter(ones(1, channels, 1, 1)));
        register_parameter("bias", new Parameter(zeros(1, channels, 1, 1)));
        register_buffer("running_var", ones(channels));
    }

    public override Tensor forward(Tensor x)
    {
        long c = x.shape[1];
        var running = get_buffer("running_var")!;
        Tensor batchVar;
        if (training)
        {
            batchVar = x.var([0, 2, 3], unbiased: false, keepdim: true);
            long n = x.shape[0] * x.shape[2] * x.shape[3];
            using (no_grad())
            {
                running.mul_(1 - Momentum).add_(batchVar.detach().reshape(c) * (Momentum * n / (n - 1.0)));
            }
        }
        else batchVar = running.view(1, c, 1, 1);
        var left = (batchVar + Eps).sqrt();
        var right = get_parameter("v")! * x + (x.var([2, 3], unbiased: false, keepdim: true) + Eps).sqrt();
        return x / left.maximum(right) * get_parameter("weight")! + get_parameter("bias")!;
    }
}
