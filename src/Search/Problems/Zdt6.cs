namespace Search.Problems;

/// <summary>
/// ZDT6, n = 10: f1 = 1 - exp(-4 x1) sin^6(6 pi x1) (non-uniform density), f2 = g (1 - (f1/g)^2),
/// g = 1 + 9 (sum(x2..n) / 9)^0.25. The front spans f1 in [0.2807753191, 1].
/// </summary>
public sealed class Zdt6() : Zdt(10)
{
    public const double FrontStart = 0.2807753191;

    public override string Name => "zdt6";

    /// <summary>
    /// Analytic, with a = FrontStart: integral_a^1 (1.1 - (1 - f^2)) df + 0.1 * 1.1
    /// = 0.1 (1 - a) + (1 - a^3) / 3 + 0.11 = 0.507877514603689.
    /// </summary>
    public override double TrueHypervolume => 0.1 * (1 - FrontStart) + (1 - FrontStart * FrontStart * FrontStart) / 3 + 0.11;

    protected override double F1(IReadOnlyList<double> x) =>
        1 - Math.Exp(-4 * x[0]) * Math.Pow(Math.Sin(6 * Math.PI * x[0]), 6);

    protected override double G(IReadOnlyList<double> x) => 1 + 9 * Math.Pow(TailSum(x) / (x.Count - 1), 0.25);
    protected override double H(double f1, double g) => 1 - (f1 / g) * (f1 / g);

    protected override IEnumerable<double[]> SampleFront(int points) =>
        Spaced(FrontStart, 1, points).Select(f1 => new[] { f1, H(f1, 1) });
}
