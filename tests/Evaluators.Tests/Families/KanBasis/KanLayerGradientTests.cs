using Evaluators.Families.KanBasis;
using Evaluators.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.KanBasis;

/// <summary>Autograd against central differences in float64, for the input and for every parameter tensor.</summary>
public class KanLayerGradientTests
{
    private const double Step = 1e-6;

    public KanLayerGradientTests() => TorchRuntime.EnsureReady(1);

    /// <summary>Inputs in (-0.95, 0.95), kept 0.03 away from multiples of 0.2: the knots, ReLU kinks and |x| kink of the test bases.</summary>
    private static Tensor Inputs(int n, int width)
    {
        var rng = new Random(5);
        var values = new double[n * width];
        for (int i = 0; i < values.Length; i++)
        {
            double v;
            do v = rng.NextDouble() * 1.9 - 0.95;
            while (Math.Abs(v / 0.2 - Math.Round(v / 0.2)) < 0.15);
            values[i] = v;
        }
        return tensor(values, dtype: float64).reshape(n, width);
    }

    [Theory]
    [MemberData(nameof(KanTestLayers.Names), MemberType = typeof(KanTestLayers))]
    public void Gradients_match_central_differences(string name)
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        using var module = new KanLayerModule(KanTestLayers.ByName[name], 5, 3);
        module.to(float64);
        using (no_grad())
            foreach (var p in module.parameters()) p.add_(randn_like(p).mul(0.2)); // off the symmetric init (logits 0, b = 0)
        var x = Inputs(4, 5).requires_grad_(true);
        var r = randn(4, 3, dtype: float64);
        double Loss(Tensor input) { using var s = NewDisposeScope(); return module.forward(input).mul(r).sum().item<double>(); }

        module.forward(x).mul(r).sum().backward();
        var gx = x.grad!.clone();
        using (no_grad())
        {
            var flat = x.detach().clone().view(-1);
            for (int i = 0; i < flat.shape[0]; i++)
            {
                double v = flat[i].item<double>();
                flat[i] = v + Step;
                double up = Loss(flat.view(4, 5));
                flat[i] = v - Step;
                double down = Loss(flat.view(4, 5));
                flat[i] = v;
                AssertClose((up - down) / (2 * Step), gx.view(-1)[i].item<double>(), $"{name}: d/dx[{i}]");
            }

            foreach (var (pname, p) in module.named_parameters())
            {
                var g = p.grad!.clone().view(-1);
                var flatP = p.view(-1);
                foreach (long k in new[] { 0L, flatP.shape[0] / 2, flatP.shape[0] - 1 }.Distinct())
                {
                    double v = flatP[k].item<double>();
                    flatP[k] = v + Step;
                    double up = Loss(x);
                    flatP[k] = v - Step;
                    double down = Loss(x);
                    flatP[k] = v;
                    AssertClose((up - down) / (2 * Step), g[k].item<double>(), $"{name}: d/d{pname}[{k}]");
                }
            }
        }
    }

    private static void AssertClose(double numeric, double analytic, string what) =>
        Assert.True(Math.Abs(numeric - analytic) <= 1e-6 * (Math.Abs(numeric) + Math.Abs(analytic)) + 1e-8,
            $"{what}: central difference {numeric}, autograd {analytic}");
}
