namespace Search.Problems;

/// <summary>
/// DTLZ2 (Deb, Thiele, Laumanns, Zitzler 2002) with 3 objectives and n = 12 (k = 10):
/// the front is the unit sphere's positive octant, reached when x3..n = 0.5.
/// </summary>
public sealed class Dtlz2 : IProblem
{
    private IReadOnlyList<double[]>? _front;

    public string Name => "dtlz2";
    public int Variables => 12;
    public int Objectives => 3;
    public IReadOnlyList<double> Lower { get; } = Enumerable.Repeat(0.0, 12).ToArray();
    public IReadOnlyList<double> Upper { get; } = Enumerable.Repeat(1.0, 12).ToArray();
    public IReadOnlyList<double> ReferencePoint { get; } = [1.1, 1.1, 1.1];

    /// <summary>Analytic: the reference cube minus the octant of the unit ball, 1.1^3 - pi/6 = 0.807401224401701.</summary>
    public double TrueHypervolume => 1.1 * 1.1 * 1.1 - Math.PI / 6;

    public double[] Evaluate(IReadOnlyList<double> x)
    {
        if (x.Count != Variables) throw new ArgumentException($"{Name} takes {Variables} variables, got {x.Count}");
        double g = 0;
        for (int i = 2; i < x.Count; i++) g += (x[i] - 0.5) * (x[i] - 0.5);
        double a = x[0] * Math.PI / 2, b = x[1] * Math.PI / 2;
        return [(1 + g) * Math.Cos(a) * Math.Cos(b), (1 + g) * Math.Cos(a) * Math.Sin(b), (1 + g) * Math.Sin(a)];
    }

    /// <summary>A simplex lattice with 44 divisions (1035 points) projected onto the sphere.</summary>
    public IReadOnlyList<double[]> TrueFront => _front ??= Lattice(44);

    private static double[][] Lattice(int divisions)
    {
        var points = new List<double[]>();
        for (int i = 0; i <= divisions; i++)
            for (int j = 0; j <= divisions - i; j++)
            {
                double[] w = [i, j, divisions - i - j];
                double norm = Math.Sqrt(w.Sum(v => v * v));
                points.Add(w.Select(v => v / norm).ToArray());
            }
        return [.. points];
    }
}
