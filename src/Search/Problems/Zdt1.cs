namespace Search.Problems;

/// <summary>ZDT1, n = 30: convex front f2 = 1 - sqrt(f1).</summary>
public sealed class Zdt1() : Zdt(30)
{
    public override string Name => "zdt1";

    /// <summary>Analytic: integral_0^1 (1.1 - (1 - sqrt f)) df + 0.1 * 1.1 = 0.1 + 2/3 + 0.11 = 0.876666...</summary>
    public override double TrueHypervolume => 0.1 + 2.0 / 3.0 + 0.11;

    protected override double F1(IReadOnlyList<double> x) => x[0];
    protected override double G(IReadOnlyList<double> x) => 1 + 9 * TailSum(x) / (x.Count - 1);
    protected override double H(double f1, double g) => 1 - Math.Sqrt(f1 / g);
}
