namespace Evaluators.Families.Routing.Gating;

/// <summary>
/// The parameters of a gated Gaussian mixture of experts with k experts on inputs x in R^d, in float64:
/// p(y | x) = sum_i pi_i(x) N(y | a_i . x + b_i, nu_i), nu_i the variance, pi the gate of <see cref="Kind"/>
/// (see <see cref="GatingKind"/>; <see cref="Tau"/> is used by the temperature gate only).
/// Rows of <see cref="Beta1"/> and <see cref="A"/> are experts.
/// </summary>
public sealed record GaussianMoeParameters(GatingKind Kind, double[,] Beta1, double[] Beta0, double Tau, double[,] A, double[] B, double[] Nu)
{
    public int K => Beta0.Length;
    public int D => Beta1.GetLength(1);

    /// <summary>Throws unless every array agrees on k and d and the variances and tau are positive.</summary>
    public GaussianMoeParameters Validated()
    {
        int k = K, d = D;
        if (k < 1 || d < 1) throw new ArgumentException($"k = {k}, d = {d}: expected at least one expert and one input");
        if (Beta1.GetLength(0) != k || A.GetLength(0) != k || A.GetLength(1) != d || B.Length != k || Nu.Length != k)
            throw new ArgumentException("beta1 (k, d), beta0 (k), a (k, d), b (k), nu (k) disagree on k or d");
        if (Nu.Any(v => !(v > 0))) throw new ArgumentException("every variance nu_i must be > 0");
        if (Kind == GatingKind.SoftmaxTemperature && !(Tau > 0)) throw new ArgumentException($"tau = {Tau}: expected > 0");
        return this;
    }

    /// <summary>The gate's logit of expert i at x (before the softmax).</summary>
    public double Logit(int i, ReadOnlySpan<double> x)
    {
        double z = 0;
        for (int t = 0; t < D; t++) z += Beta1[i, t] * x[t];
        return Kind == GatingKind.SoftmaxTemperature ? (z + Beta0[i]) / Tau : Math.Tanh(z) + Beta0[i];
    }

    /// <summary>The gate probabilities pi(x), summing to one.</summary>
    public double[] Gate(ReadOnlySpan<double> x)
    {
        var p = new double[K];
        double max = double.NegativeInfinity;
        for (int i = 0; i < K; i++) max = Math.Max(max, p[i] = Logit(i, x));
        double sum = 0;
        for (int i = 0; i < K; i++) sum += p[i] = Math.Exp(p[i] - max);
        for (int i = 0; i < K; i++) p[i] /= sum;
        return p;
    }

    /// <summary>The mean of expert i at x: a_i . x + b_i.</summary>
    public double ExpertMean(int i, ReadOnlySpan<double> x)
    {
        double m = B[i];
        for (int t = 0; t < D; t++) m += A[i, t] * x[t];
        return m;
    }

    /// <summary>E[y | x] = sum_i pi_i(x) (a_i . x + b_i).</summary>
    public double ConditionalMean(ReadOnlySpan<double> x)
    {
        var p = Gate(x);
        double m = 0;
        for (int i = 0; i < K; i++) m += p[i] * ExpertMean(i, x);
        return m;
    }

    /// <summary>
    /// The atom weights of the Voronoi loss: the gate probabilities at x = 0, softmax(beta0 / tau) for the
    /// temperature gate and softmax(beta0) for the activation gate (tanh(0) = 0). Normalising removes the
    /// translation beta0 -> beta0 + t that leaves the model unchanged.
    /// </summary>
    public double[] Weights() => Gate(new double[D]);

    /// <summary>
    /// The identifiable gate slope of expert i: for the temperature gate beta1_i / tau minus the weighted
    /// mean sum_j w_j beta1_j / tau (the model depends on beta1 / tau only, and only up to a common
    /// translation); for the activation gate beta1_i itself (tanh breaks both invariances).
    /// </summary>
    public double[] Slope(int i)
    {
        var s = new double[D];
        if (Kind == GatingKind.ActivationSoftmax)
        {
            for (int t = 0; t < D; t++) s[t] = Beta1[i, t];
            return s;
        }
        var w = Weights();
        for (int t = 0; t < D; t++)
        {
            double mean = 0;
            for (int j = 0; j < K; j++) mean += w[j] * Beta1[j, t];
            s[t] = (Beta1[i, t] - mean) / Tau;
        }
        return s;
    }

    public static double[,] Matrix(int rows, int cols, params double[] values)
    {
        if (values.Length != rows * cols) throw new ArgumentException($"{values.Length} values for a {rows} x {cols} matrix");
        var m = new double[rows, cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) m[r, c] = values[r * cols + c];
        return m;
    }
}
