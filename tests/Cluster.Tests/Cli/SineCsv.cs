using System.Globalization;
using System.Text;

namespace Cluster.Tests.Cli;

/// <summary>A regression CSV for the program tests: y = sin(pi u1) + u2^2 with x1 in [-3, 5], x2 in [10, 20] (u = x mapped onto [-1, 1], so the reader's scaling matters).</summary>
internal static class SineCsv
{
    /// <summary>Writes 300 rows (columns x1, x2, y) to <paramref name="path"/>; returns it and the target's standard deviation.</summary>
    public static (string Path, double TargetStd) Write(string path)
    {
        var rng = new Random(11);
        var sb = new StringBuilder("x1,x2,y\n");
        var ys = new List<double>();
        for (int i = 0; i < 300; i++)
        {
            double x1 = rng.NextDouble() * 8 - 3, x2 = 10 + rng.NextDouble() * 10;
            double u1 = (x1 - 1) / 4, u2 = (x2 - 15) / 5;
            double y = Math.Sin(Math.PI * u1) + u2 * u2;
            ys.Add(y);
            sb.Append(CultureInfo.InvariantCulture, $"{x1:R},{x2:R},{y:R}\n");
        }
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, sb.ToString());
        double mean = ys.Average();
        return (path, Math.Sqrt(ys.Sum(v => (v - mean) * (v - mean)) / ys.Count));
    }

    /// <summary>A small KAN-basis search over data/sine.csv (relative to the space file): aging evolution, validation RMSE, no hurdle.</summary>
    public static string SpaceYaml(string name, int evaluations, int epochs, string extra = "") => $"""
        name: {name}
        seed: 1
        family:
          name: kan-basis
          layers: 2
          allowed: [bspline, chebyshev]
        strategy:
          name: aging
          population: 4
          sample: 2
        objectives:
          - metric: validation_rmse
        evaluation:
          tasks: [kan-csv]
          data: data/sine.csv
          epochs: {epochs}
        rejection:
          hurdle: off
        budget:
          max_evaluations: {evaluations}
        lookahead: 2
        {extra}
        """;
}
