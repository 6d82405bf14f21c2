using Search.Core;

namespace Evaluators.Data.Synthetic;

/// <summary>A regression set for one <see cref="KanFunction"/>: inputs uniform in [-1, 1], targets f(x).</summary>
public static class KanTask
{
    public static DatasetSplits Generate(KanFunction function, ulong seed, int trainCount = 1000, int testCount = 1000) =>
        SeededSplits.Make(function.Name, seed, trainCount, testCount, 0, (rng, n) => Sample(function, rng, n));

    private static TensorData Sample(KanFunction function, Rng rng, int count)
    {
        int d = function.InputDim;
        var x = new float[count * d];
        var y = new float[count];
        var point = new double[d];
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < d; j++)
            {
                float v = (float)rng.Uniform(-1, 1);
                x[i * d + j] = v;
                point[j] = v; // the target is f of the stored (float) input exactly
            }
            y[i] = (float)function.Evaluate(point);
        }
        return new TensorData(x, [d], count, null, y, 1);
    }
}
