using Search.Genomes.KanBasis;

namespace Evaluators.Tests.Families.KanBasis.Parity;

/// <summary>
/// Inputs for central differences: a row outside the grid, then rows in (-0.97, 0.97) kept 0.02 away from
/// every kink of the layer (knots -1 + 2m/G of each grid basis, which are also the ReLU-KAN and AF-KAN
/// support ends, and 0 for rational's |x|), so a difference step never straddles one.
/// </summary>
public static class GradientInputs
{
    private static readonly double[] Outside = [2.3, -1.6, 1.35, -3.1, 4.2];

    public static double[] Rows(KanLayer layer, int width, int rows, int seed)
    {
        var kinks = Grids(layer).SelectMany(g => Enumerable.Range(0, g + 1).Select(m => -1.0 + 2.0 * m / g)).Append(0.0).ToArray();
        var rng = new Random(seed);
        var x = new double[rows * width];
        for (int i = 0; i < width; i++) x[i] = Outside[i % Outside.Length];
        for (int k = width; k < x.Length; k++)
        {
            double v;
            do v = rng.NextDouble() * 1.94 - 0.97;
            while (kinks.Any(t => Math.Abs(v - t) < 0.02));
            x[k] = v;
        }
        return x;
    }

    private static IEnumerable<int> Grids(KanLayer layer) =>
        new[] { layer.Basis }.Concat(layer.Overrides.Select(o => o.Basis))
            .SelectMany(b => b is SelectBasis s ? s.Candidates : [b])
            .Select(b => b switch { BSplineBasis s => s.Grid, ReluKanBasis r => r.Grid, AfKanBasis a => a.Grid, _ => 0 })
            .Where(g => g > 0);
}
