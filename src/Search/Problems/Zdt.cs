namespace Search.Problems;

/// <summary>
/// Shared shape of the ZDT problems (Zitzler, Deb, Thiele 2000): f1 = f(x1), f2 = g(x2..n) h(f1, g).
/// The optimum has g = 1; the true front is sampled as 1000 points of f2 = h(f1, 1).
/// </summary>
public abstract class Zdt : IProblem
{
    private IReadOnlyList<double[]>? _front;

    protected Zdt(int variables, double firstUpper = 1, double restLower = 0, double restUpper = 1)
    {
        Variables = variables;
        Lower = [0, .. Enumerable.Repeat(restLower, variables - 1)];
        Upper = [firstUpper, .. Enumerable.Repeat(restUpper, variables - 1)];
    }

    public abstract string Name { get; }
    public int Variables { get; }
    public int Objectives => 2;
    public IReadOnlyList<double> Lower { get; }
    public IReadOnlyList<double> Upper { get; }
    public IReadOnlyList<double> ReferencePoint { get; } = [1.1, 1.1];
    public abstract double TrueHypervolume { get; }
    public IReadOnlyList<double[]> TrueFront => _front ??= [.. SampleFront(1000)];

    protected abstract double F1(IReadOnlyList<double> x);
    protected abstract double G(IReadOnlyList<double> x);
    protected abstract double H(double f1, double g);

    public double[] Evaluate(IReadOnlyList<double> x)
    {
        if (x.Count != Variables) throw new ArgumentException($"{Name} takes {Variables} variables, got {x.Count}");
        double f1 = F1(x), g = G(x);
        return [f1, g * H(f1, g)];
    }

    /// <summary>f1 evenly spaced over the optimal range(s), f2 = h(f1, 1).</summary>
    protected virtual IEnumerable<double[]> SampleFront(int points) =>
        Spaced(0, 1, points).Select(f1 => new[] { f1, H(f1, 1) });

    protected static IEnumerable<double> Spaced(double from, double to, int points) =>
        Enumerable.Range(0, points).Select(i => from + (to - from) * i / (points - 1));

    /// <summary>Sum of x2..xn, the part of g shared by ZDT1-3.</summary>
    protected static double TailSum(IReadOnlyList<double> x)
    {
        double s = 0;
        for (int i = 1; i < x.Count; i++) s += x[i];
        return s;
    }
}
