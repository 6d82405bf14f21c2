using System.Diagnostics;
using System.Globalization;
using Search.Problems;
using Search.Strategies;

namespace Bench;

/// <summary>
/// NSGA-II on ZDT1-4, ZDT6 and DTLZ2 under the standard protocol: population 100, 25,000
/// evaluations, SBX (p 1.0, eta 20), polynomial mutation (p 1/n, eta 20), the same settings for
/// every problem. Reports the median over seeds of the final front's hypervolume relative to the
/// true front's (reference point 1.1 per objective, raw objectives) and of IGD.
/// Options: --seeds N (default 10), --evaluations E (default 25000), --problems zdt1,dtlz2.
/// </summary>
public sealed class ZdtBenchmark : IBenchmark
{
    public string Name => "zdt";
    public string Description => "NSGA-II on ZDT1-4, ZDT6, DTLZ2: median hypervolume ratio and IGD over seeds";

    public int Run(string[] args)
    {
        int seeds = 10;
        long evaluations = 25_000;
        IReadOnlyList<string> problems = ProblemRegistry.Names;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--seeds": seeds = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--evaluations": evaluations = long.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--problems": problems = Value().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries); break;
                default:
                    Console.Error.WriteLine($"unknown option '{args[i]}'; options: --seeds N, --evaluations E, --problems a,b");
                    return 2;
            }
        }

        Console.WriteLine($"NSGA-II, population 100, {evaluations} evaluations, {seeds} seeds, reference point 1.1");
        var results = new List<(string Problem, double Ratio, double Igd)>();
        foreach (string name in problems)
        {
            var problem = ProblemRegistry.Create(name);
            var runs = new List<ProblemRun>();
            var clock = Stopwatch.StartNew();
            for (int seed = 1; seed <= seeds; seed++)
            {
                var run = ProblemDriver.Run(new Nsga2<Search.Genomes.RealVector.RealVector>(new Nsga2Options(100)), problem, evaluations, (ulong)seed);
                runs.Add(run);
                Console.WriteLine(F($"  {name} seed {seed,2}: hv {run.Hypervolume:F5} ratio {run.HypervolumeRatio:F4} igd {run.Igd:E3} front {run.Front.Count}"));
            }
            double ratio = Median(runs.Select(r => r.HypervolumeRatio)), igd = Median(runs.Select(r => r.Igd));
            var even = ProblemDriver.Assess(EvenlySpacedFront(problem), problem);
            Console.WriteLine(F($"  {name} yardstick: {even.Front.Count} evenly spaced true-front points reach ratio {even.HypervolumeRatio:F4}"));
            Console.WriteLine(F($"{name}: median hv ratio {ratio:F4} (true hv {problem.TrueHypervolume:F6}), median igd {igd:E3}, {clock.Elapsed.TotalSeconds:F1} s"));
            results.Add((name, ratio, igd));
        }

        foreach (var r in results) Console.WriteLine(F($"{r.Problem}_hv_ratio: {r.Ratio:F4}"));
        foreach (var r in results) Console.WriteLine(F($"{r.Problem}_igd: {r.Igd:E4}"));
        return 0;
    }

    /// <summary>
    /// About 100 evenly spread points on the true front: what a perfect population could score,
    /// since a finite set cannot reach the continuous front's hypervolume (DTLZ2 most of all).
    /// Two objectives: 100 of the sampled front's points; DTLZ2: the 105-point simplex lattice (13 divisions) on the sphere.
    /// </summary>
    private static IReadOnlyList<double[]> EvenlySpacedFront(IProblem problem)
    {
        if (problem.Objectives == 2)
        {
            var front = problem.TrueFront;
            return Enumerable.Range(0, 100).Select(k => front[(int)Math.Round(k * (front.Count - 1) / 99.0)]).ToArray();
        }
        const int divisions = 13;
        var points = new List<double[]>();
        for (int i = 0; i <= divisions; i++)
            for (int j = 0; j <= divisions - i; j++)
            {
                double[] w = [i, j, divisions - i - j];
                double norm = Math.Sqrt(w.Sum(v => v * v));
                points.Add(w.Select(v => v / norm).ToArray());
            }
        return points;
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
