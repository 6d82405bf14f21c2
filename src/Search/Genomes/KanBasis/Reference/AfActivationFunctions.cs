namespace Search.Genomes.KanBasis.Reference;

/// <summary>The AF-KAN activations, in forms that neither overflow nor lose small values.</summary>
internal static class AfActivationFunctions
{
    private const double LeakySlope = 0.01;
    private const double SeluScale = 1.0507009873554804934193349852946;
    private const double SeluAlpha = 1.6732632423543772848170429916717;

    public static double Apply(AfActivation act, double x) => act switch
    {
        AfActivation.Softplus => Softplus(x),
        AfActivation.Sigmoid => Sigmoid(x),
        AfActivation.Silu => x * Sigmoid(x),
        AfActivation.Relu => x > 0 ? x : 0.0,
        AfActivation.LeakyRelu => x >= 0 ? x : LeakySlope * x,
        AfActivation.Elu => x > 0 ? x : StableMath.Expm1(x),
        AfActivation.Gelu => 0.5 * x * StableMath.Erfc(-x / Math.Sqrt(2.0)),
        AfActivation.Selu => SeluScale * (x > 0 ? x : SeluAlpha * StableMath.Expm1(x)),
        AfActivation.Tanh => Math.Tanh(x),
        _ => throw new ArgumentOutOfRangeException(nameof(act), act, "unknown AF-KAN activation"),
    };

    /// <summary>ln(1 + e^x) as max(x, 0) + ln(1 + e^-|x|): e^x never overflows.</summary>
    private static double Softplus(double x) => Math.Max(x, 0.0) + StableMath.Log1p(Math.Exp(-Math.Abs(x)));

    /// <summary>Only e^-|x| is computed, so neither branch overflows.</summary>
    private static double Sigmoid(double x)
    {
        double e = Math.Exp(-Math.Abs(x));
        return x >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }
}
