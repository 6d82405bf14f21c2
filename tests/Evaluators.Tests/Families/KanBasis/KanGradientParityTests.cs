using Evaluators.Runtime;
using Evaluators.Tests.Families.KanBasis.Parity;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.KanBasis;

/// <summary>
/// Autograd against central differences in float64, for the input and for every entry of every parameter,
/// over the <see cref="ParityCases"/> that <see cref="KanLayerGradientTests"/> does not already run
/// (it takes the <see cref="KanTestLayers"/> at width 5 and three entries per parameter).
/// </summary>
public class KanGradientParityTests
{
    private const int Out = 2, Rows = 3;

    public KanGradientParityTests() => TorchRuntime.EnsureReady(1);

    public static TheoryData<string> Names
    {
        get
        {
            var covered = KanTestLayers.ByName.Values.Select(l => l.Text).ToHashSet();
            return new(ParityCases.All.Where(c => !(c.In == 5 && covered.Contains(ParityLayers.Parse(c).Text))).Select(c => c.Name));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradients_match_central_differences(string name)
    {
        var c = ParityCases.ByName[name];
        using var scope = NewDisposeScope();
        using var module = ParityLayers.Build(c, Out, seed: 21);
        var x = tensor(GradientInputs.Rows(module.Layer, c.In, Rows, seed: 22), dtype: float64).reshape(Rows, c.In).requires_grad_(true);
        var r = randn(Rows, Out, dtype: float64);
        double Loss(Tensor input) { using var s = NewDisposeScope(); return module.forward(input).mul(r).sum().item<double>(); }

        module.forward(x).mul(r).sum().backward();
        using (no_grad())
        {
            var xs = x.detach().clone();
            Check(xs, x.grad!, () => Loss(xs), $"{name}: d/dx");
            foreach (var (pname, p) in module.named_parameters())
                Check(p, p.grad!, () => Loss(x), $"{name}: d/d{pname}");
        }
    }

    /// <summary>Every entry of <paramref name="t"/>: (L(t + h) - L(t - h)) / 2h against the autograd gradient, h = 1e-6 max(1, |t|).</summary>
    private static void Check(Tensor t, Tensor grad, Func<double> loss, string what)
    {
        var flat = t.view(-1);
        var g = grad.contiguous().data<double>().ToArray();
        for (long k = 0; k < flat.shape[0]; k++)
        {
            double v = flat[k].item<double>(), h = 1e-6 * Math.Max(1.0, Math.Abs(v));
            flat[k] = v + h;
            double up = loss();
            flat[k] = v - h;
            double down = loss();
            flat[k] = v;
            double numeric = (up - down) / (2 * h);
            Assert.True(Math.Abs(numeric - g[k]) <= 1e-6 * (Math.Abs(numeric) + Math.Abs(g[k])) + 1e-8,
                $"{what}[{k}] at {v:R}: central difference {numeric:R}, autograd {g[k]:R}");
        }
    }
}
