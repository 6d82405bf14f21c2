using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Evaluators.Families.Routing.Gating;

/// <summary>
/// The fitted gated Gaussian mixture of experts, in float64 on the CPU, batched over samples (no loop):
/// parameters <c>beta1</c> (k, d), <c>beta0</c> (k), <c>log_tau</c> (scalar, temperature gate only),
/// <c>a</c> (k, d), <c>b</c> (k), <c>log_nu</c> (k) (log-parameterised so tau and the variances stay positive).
/// Gate logits: (x beta1^T + beta0) / tau for <see cref="GatingKind.SoftmaxTemperature"/>,
/// tanh(x beta1^T) + beta0 for <see cref="GatingKind.ActivationSoftmax"/>.
/// </summary>
public sealed class GatedGaussianMoe : nn.Module
{
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    public GatedGaussianMoe(GaussianMoeParameters initial) : base("gated_gaussian_moe")
    {
        ArgumentNullException.ThrowIfNull(initial);
        initial.Validated();
        (Kind, K, D) = (initial.Kind, initial.K, initial.D);
        Add("beta1", Flat(initial.Beta1), K, D);
        Add("beta0", initial.Beta0, K);
        if (Kind == GatingKind.SoftmaxTemperature) Add("log_tau", [Math.Log(initial.Tau)]);
        Add("a", Flat(initial.A), K, D);
        Add("b", initial.B, K);
        Add("log_nu", initial.Nu.Select(v => Math.Log(v)).ToArray(), K);
    }

    public GatingKind Kind { get; }
    public int K { get; }
    public int D { get; }

    /// <summary>
    /// A seeded random start for k experts: beta1 and a standard normal, beta0 = 0, tau = 1, b drawn
    /// around the mean of y with its standard deviation, every variance the variance of y.
    /// </summary>
    public static GaussianMoeParameters RandomStart(GatingKind kind, int k, int d, int seed, double yMean, double ySd)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
        var beta1 = new double[k, d];
        var a = new double[k, d];
        for (int i = 0; i < k; i++)
            for (int t = 0; t < d; t++) (beta1[i, t], a[i, t]) = (Normal(), Normal());
        double sd = ySd > 0 ? ySd : 1.0;
        var b = Enumerable.Range(0, k).Select(_ => yMean + sd * Normal()).ToArray();
        return new GaussianMoeParameters(kind, beta1, new double[k], 1.0, a, b, Enumerable.Repeat(sd * sd, k).ToArray());
    }

    public Tensor Beta1 => Get("beta1");
    public Tensor Beta0 => Get("beta0");
    public Tensor? LogTau => Kind == GatingKind.SoftmaxTemperature ? Get("log_tau") : null;
    public Tensor A => Get("a");
    public Tensor B => Get("b");
    public Tensor LogNu => Get("log_nu");

    /// <summary>Gate logits (n, k) for inputs x (n, d).</summary>
    public Tensor Logits(Tensor x)
    {
        using var scope = NewDisposeScope();
        var z = x.matmul(Beta1.t());
        var logits = Kind == GatingKind.SoftmaxTemperature
            ? z.add(Beta0).mul(LogTau!.neg().exp())
            : z.tanh().add(Beta0);
        return logits.MoveToOuterDisposeScope();
    }

    /// <summary>log p(y_s | x_s) per sample (n) for x (n, d), y (n).</summary>
    public Tensor LogLikelihood(Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        var logGate = Logits(x).log_softmax(1);
        var residual = y.unsqueeze(1).sub(x.matmul(A.t()).add(B));
        var logNormal = residual.square().mul(LogNu.neg().exp()).add(LogNu).mul(-0.5).sub(HalfLogTwoPi);
        return logGate.add(logNormal).logsumexp(1).MoveToOuterDisposeScope();
    }

    /// <summary>The mean negative log-likelihood, a scalar.</summary>
    public Tensor NegativeLogLikelihood(Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        return LogLikelihood(x, y).mean().neg().MoveToOuterDisposeScope();
    }

    /// <summary>The current parameters as float64 arrays.</summary>
    public GaussianMoeParameters ToParameters()
    {
        using var scope = NewDisposeScope();
        double[] Values(Tensor t) => t.detach().cpu().to(float64).data<double>().ToArray();
        double[,] Matrix(Tensor t) => GaussianMoeParameters.Matrix(K, D, Values(t));
        double tau = LogTau is { } lt ? Math.Exp(Values(lt)[0]) : 1.0;
        return new GaussianMoeParameters(Kind, Matrix(Beta1), Values(Beta0), tau, Matrix(A), Values(B), Values(LogNu).Select(v => Math.Exp(v)).ToArray());
    }

    private static double[] Flat(double[,] m) => m.Cast<double>().ToArray();

    private void Add(string name, double[] values, params long[] shape)
    {
        using var scope = NewDisposeScope();
        var p = new Parameter(tensor(values, float64).reshape(shape).DetachFromDisposeScope());
        p.DetachFromDisposeScope();
        register_parameter(name, p);
    }

    private Tensor Get(string name) => get_parameter(name) ?? throw new InvalidOperationException($"gated Gaussian MoE has no parameter '{name}'");
}
