namespace Search.Problems;

/// <summary>ZDT3, n = 30: a front of five disconnected pieces, f2 = 1 - sqrt(f1) - f1 sin(10 pi f1).</summary>
public sealed class Zdt3() : Zdt(30)
{
    /// <summary>The f1 ranges of the five pieces (the usual published bounds).</summary>
    public static IReadOnlyList<(double From, double To)> Pieces { get; } =
    [
        (0, 0.0830015349), (0.1822287280, 0.2577623634), (0.4093136748, 0.4538821041),
        (0.6183967944, 0.6525117038), (0.8233317983, 0.8518328654),
    ];

    public override string Name => "zdt3";

    /// <summary>
    /// Numerical: over each piece, mpmath.quad (30 digits) of 1.1 - f2(f1); across each gap and
    /// from the last piece to 1.1, the strip under the piece's end value (f2 falls within a piece).
    /// Result 1.33176290865702; checked in tests against the exact hypervolume of a dense sample.
    /// </summary>
    public override double TrueHypervolume => 1.33176290865702;

    protected override double F1(IReadOnlyList<double> x) => x[0];
    protected override double G(IReadOnlyList<double> x) => 1 + 9 * TailSum(x) / (x.Count - 1);
    protected override double H(double f1, double g) => 1 - Math.Sqrt(f1 / g) - f1 / g * Math.Sin(10 * Math.PI * f1);

    /// <summary>
    /// About 1000 points shared among the pieces in proportion to their length; a piece's first
    /// point can sit a hair above the previous piece's end (rounded bounds), so dominated ones are dropped.
    /// </summary>
    protected override IEnumerable<double[]> SampleFront(int points) => MultiObjective.ParetoFront.Of(PieceSamples(points).ToArray(), p => p);

    private IEnumerable<double[]> PieceSamples(int points)
    {
        double total = Pieces.Sum(p => p.To - p.From);
        int left = points;
        for (int k = 0; k < Pieces.Count; k++)
        {
            var (from, to) = Pieces[k];
            int n = k == Pieces.Count - 1 ? left : (int)Math.Round(points * (to - from) / total);
            left -= n;
            foreach (double f1 in Spaced(from, to, n)) yield return [f1, H(f1, 1)];
        }
    }
}
