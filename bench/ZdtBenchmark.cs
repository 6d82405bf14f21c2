using System.Diagnostics;
using System.Globalization;
using Search.Genomes.RealVector;
using Search.Problems;
using Search.Strategies;

namespace Bench;

/// <summary>
/// NSGA-II on ZDT1-4, ZDT6 and DTLZ2 under the standard protocol: population 100, 25,000
/// evaluations, SBX (p 1.0, eta 20, both children of each pair), polynomial mutation (p 1/n,
/// eta 20), the same settings for every problem. Each run is measured on two fronts: the archive
/// front, the non-dominated set of all its evaluations (what the engine's archive keeps and reports
/// to users as the final front), and the final population's non-dominated set. Reports the median
/// over seeds of each front's hypervolume relative to the true front's (reference point 1.1 per
/// objective, raw objectives) and of its IGD. `&lt;p&gt;_hv_ratio` is the archive front's;
/// `&lt;p&gt;_hv_ratio_population` the population's.
/// Options: --seeds N (default 10), --evaluations E (default 25000), --problems zdt1,dtlz2.
/// </summary>
public sealed class ZdtBenchmark : IBenchmark
{
    public string Name => "zdt";
    public string Description => "NSGA-II on ZDT1-4, ZDT6, DTLZ2: median hypervolume ratio and IGD over seeds (archive and population fronts)";

    public int Run(string[] args)
    {
        int seeds = Args.Int(args, "--seeds", 10);
        long evaluations = Args.Int(args, "--evaluations", 25_000);
        int p = Array.IndexOf(args, "--problems");
        IReadOnlyList<string> problems = p >= 0 && p + 1 < args.Length
            ? args[p + 1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : ProblemRegistry.Names;

        Console.WriteLine($"NSGA-II, population 100, {evaluations} evaluations, {seeds} seeds, reference point 1.1");
        Console.WriteLine("archive = non-dominated set of all evaluations of the run (the engine's reported front; <p>_hv_ratio, <p>_igd);");
        Console.WriteLine("population = non-dominated set of the final population (<p>_hv_ratio_population, <p>_igd_population)");
        var results = new List<Summary>();
        foreach (string name in problems)
        {
            var problem = ProblemRegistry.Create(name);
            var runs = new List<ProblemResult>();
            var clock = Stopwatch.StartNew();
            for (int seed = 1; seed <= seeds; seed++)
            {
                var run = ProblemDriver.Run(new Nsga2<RealVector>(new Nsga2Options(100)), problem, evaluations, (ulong)seed);
                runs.Add(run);
                Console.WriteLine(F($"  {name} seed {seed,2}: archive ratio {run.Archive.HypervolumeRatio:F4} igd {run.Archive.Igd:E3} front {run.Archive.Front.Count}; population ratio {run.Population.HypervolumeRatio:F4} igd {run.Population.Igd:E3} front {run.Population.Front.Count}"));
            }
            var summary = new Summary(name,
                Stats.Median(runs.Select(r => r.Archive.HypervolumeRatio)), Stats.Median(runs.Select(r => r.Archive.Igd)),
                Stats.Median(runs.Select(r => r.Population.HypervolumeRatio)), Stats.Median(runs.Select(r => r.Population.Igd)));
            if (EvenlySpacedFront(problem) is { } spaced)
            {
                var even = ProblemDriver.Assess(spaced, problem);
                Console.WriteLine(F($"  {name} yardstick: {even.Front.Count} evenly spaced true-front points reach ratio {even.HypervolumeRatio:F4}"));
            }
            Console.WriteLine(F($"{name}: median hv ratio archive {summary.Ratio:F4}, population {summary.PopulationRatio:F4} (true hv {problem.TrueHypervolume:F6}); median igd archive {summary.Igd:E3}, population {summary.PopulationIgd:E3}; {clock.Elapsed.TotalSeconds:F1} s"));
            results.Add(summary);
        }

        // Figures: <p>_hv_ratio and <p>_igd are the archive front's (all evaluations), the *_population ones the final population's.
        var figures = new Figures();
        foreach (var r in results) figures.Add($"{r.Problem}_hv_ratio", r.Ratio, "0.0000");
        foreach (var r in results) figures.Add($"{r.Problem}_hv_ratio_population", r.PopulationRatio, "0.0000");
        foreach (var r in results) figures.Add($"{r.Problem}_igd", r.Igd, "0.00000");
        foreach (var r in results) figures.Add($"{r.Problem}_igd_population", r.PopulationIgd, "0.00000");
        figures.Print();
        return 0;
    }

    /// <summary>Medians over seeds for one problem: archive front first, then final population.</summary>
    private sealed record Summary(string Problem, double Ratio, double Igd, double PopulationRatio, double PopulationIgd);

    /// <summary>
    /// About 100 evenly spread points on the true front: what a perfect population could score,
    /// since a finite set cannot reach the continuous front's hypervolume (DTLZ2 most of all).
    /// Two objectives: 100 of the sampled front's points; DTLZ2: the 105-point simplex lattice (13 divisions) on the sphere.
    /// </summary>
    private static IReadOnlyList<double[]>? EvenlySpacedFront(IProblem problem)
    {
        if (problem is not Dtlz2 && problem.Objectives != 2) return null;
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


    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
