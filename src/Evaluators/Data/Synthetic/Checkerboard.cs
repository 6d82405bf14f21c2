using Search.Core;

namespace Evaluators.Data.Synthetic;

/// <summary>
/// Points uniform in [-1, 1]^2 labelled by the colour of a cells x cells checkerboard (no noise),
/// a task no linear or single-threshold model can fit.
/// </summary>
public static class Checkerboard
{
    public static DatasetSplits Generate(ulong seed, int trainCount = 1000, int testCount = 1000, int cells = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cells, 2);
        return SeededSplits.Make("checkerboard", seed, trainCount, testCount, 2, (rng, n) => Sample(rng, n, cells));
    }

    /// <summary>The colour (0 or 1) of the cell holding (x, y).</summary>
    public static int Label(double x, double y, int cells) => (Cell(x, cells) + Cell(y, cells)) % 2;

    private static int Cell(double v, int cells) => Math.Clamp((int)Math.Floor((v + 1) / 2 * cells), 0, cells - 1);

    private static TensorData Sample(Rng rng, int count, int cells)
    {
        var x = new float[count * 2];
        var labels = new long[count];
        for (int i = 0; i < count; i++)
        {
            float a = (float)rng.Uniform(-1, 1), b = (float)rng.Uniform(-1, 1);
            x[2 * i] = a; x[2 * i + 1] = b;
            labels[i] = Label(a, b, cells);
        }
        return new TensorData(x, [2], count, labels, null, 0);
    }
}
