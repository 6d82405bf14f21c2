namespace Search.Problems;

/// <summary>
/// ZDT4, n = 10: x1 in [0, 1], the rest in [-5, 5]; a Rastrigin-like g gives 21^9 local fronts.
/// The global front is ZDT1's.
/// </summary>
public sealed class Zdt4() : Zdt(10, firstUpper: 1, restLower: -5, restUpper: 5)
{
    public override string Name => "zdt4";

    /// <summary>Same front as ZDT1, so the same analytic value 0.876666...</summary>
    public override double TrueHypervolume => 0.1 + 2.0 / 3.0 + 0.11;

    protected override double F1(IReadOnlyList<double> x) => x[0];

    protected override double G(IReadOnlyList<double> x)
    {
        double g = 1 + 10 * (x.Count - 1);
        for (int i = 1; i < x.Count; i++) g += x[i] * x[i] - 10 * Math.Cos(4 * Math.PI * x[i]);
        return g;
    }

    protected override double H(double f1, double g) => 1 - Math.Sqrt(f1 / g);
}
