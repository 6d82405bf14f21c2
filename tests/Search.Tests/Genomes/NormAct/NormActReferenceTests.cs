using Search.Core;
using Search.Genomes.NormAct;

namespace Search.Tests.Genomes.NormAct;

/// <summary>The four reference layers, evaluated by NormActReference, against loops written from the papers' formulas.</summary>
public class NormActReferenceTests
{
    private const int N = 3, C = 4, H = 2, W = 3;
    private const double Eps = 1e-5;
    private readonly NormActFamily _family = new();
    private readonly double[,,,] _x = new double[N, C, H, W];
    private readonly double[] _gamma = [1.5, 0.5, -1, 2], _beta = [0.1, -0.2, 0.3, 0], _v1 = [1, 0.5, 2, -0.5];

    public NormActReferenceTests()
    {
        var rng = new Rng(21);
        Each((n, c, h, w) => _x[n, c, h, w] = 2 * rng.Normal() + c);
    }

    private Dictionary<string, double[]> Parameters => new() { ["gamma"] = _gamma, ["beta"] = _beta, ["v1"] = _v1 };

    private static void Each(Action<int, int, int, int> f)
    {
        for (int n = 0; n < N; n++) for (int c = 0; c < C; c++) for (int h = 0; h < H; h++) for (int w = 0; w < W; w++) f(n, c, h, w);
    }

    // Mean and biased std of x over the elements for which include(n, c) holds.
    private (double Mean, double Std) Moments(Func<int, int, bool> include)
    {
        var items = new List<double>();
        Each((n, c, h, w) => { if (include(n, c)) items.Add(_x[n, c, h, w]); });
        double mean = items.Average();
        return (mean, Math.Sqrt(items.Sum(v => (v - mean) * (v - mean)) / items.Count + Eps));
    }

    private void AssertLayer(string text, int groups, Func<int, int, int, int, double> expected)
    {
        var y = NormActReference.Evaluate(_family.Parse(text), _x, groups, Parameters);
        Each((n, c, h, w) => Assert.Equal(expected(n, c, h, w), y[n, c, h, w], 1e-12));
    }

    [Fact]
    public void Bn_relu()
    {
        AssertLayer("max((x - batch_mean(x)) / batch_std(x) * gamma + beta, 0)", 32, (n, c, h, w) =>
        {
            var (mean, std) = Moments((_, k) => k == c);
            return Math.Max((_x[n, c, h, w] - mean) / std * _gamma[c] + _beta[c], 0);
        });
    }

    [Fact]
    public void Groupnorm_relu_with_groups_lowered_to_divide_the_channels()
    {
        Assert.Equal(2, NormActReference.EffectiveGroups(3, C));
        AssertLayer("max((x - group_mean(x)) / group_std(x) * gamma + beta, 0)", 3, (n, c, h, w) =>
        {
            var (mean, std) = Moments((m, k) => m == n && k / 2 == c / 2);
            return Math.Max((_x[n, c, h, w] - mean) / std * _gamma[c] + _beta[c], 0);
        });
    }

    [Fact]
    public void Evonorm_b0()
    {
        AssertLayer("x / max(batch_std(x), v1 * x + instance_std(x)) * gamma + beta", 32, (n, c, h, w) =>
        {
            double batchStd = Moments((_, k) => k == c).Std, instanceStd = Moments((m, k) => m == n && k == c).Std;
            double v = _x[n, c, h, w];
            return v / Math.Max(batchStd, _v1[c] * v + instanceStd) * _gamma[c] + _beta[c];
        });
    }

    [Fact]
    public void Evonorm_s0()
    {
        AssertLayer("x * sigmoid(v1 * x) / group_std(x) * gamma + beta", 2, (n, c, h, w) =>
        {
            double groupStd = Moments((m, k) => m == n && k / 2 == c / 2).Std, v = _x[n, c, h, w];
            return v / (1 + Math.Exp(-_v1[c] * v)) / groupStd * _gamma[c] + _beta[c];
        });
    }

    [Fact]
    public void Layer_second_moment_and_parameter_inits()
    {
        AssertLayer("layer_m2(x) + v0", 1, (n, _, _, _) =>
        {
            double sum = 0;
            int count = 0;
            Each((m, c, h, w) => { if (m == n) { sum += _x[m, c, h, w] * _x[m, c, h, w]; count++; } });
            return sum / count; // v0 not given: its init 0
        });
    }
}
