namespace Search.Problems;

/// <summary>ZDT2, n = 30: concave front f2 = 1 - f1^2.</summary>
public sealed class Zdt2() : Zdt(30)
{
    public override string Name => "zdt2";

    /// <summary>Analytic: integral_0^1 (1.1 - (1 - f^2)) df + 0.1 * 1.1 = 0.1 + 1/3 + 0.11 = 0.543333...</summary>
    public override double TrueHypervolume => 0.1 + 1.0 / 3.0 + 0.11;

    protected override double F1(IReadOnlyList<double> x) => x[0];
    protected override double G(IReadOnlyList<double> x) => 1 + 9 * TailSum(x) / (x.Count - 1);
    protected override double H(double f1, double g) => 1 - (f1 / g) * (f1 / g);
}
