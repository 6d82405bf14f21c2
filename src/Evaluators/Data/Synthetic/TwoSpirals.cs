using Search.Core;

namespace Evaluators.Data.Synthetic;

/// <summary>
/// Two interleaved spirals (class 0 and its half-turn rotation, class 1) in about [-1, 1]^2,
/// with Gaussian noise; classes alternate so every split is balanced.
/// </summary>
public static class TwoSpirals
{
    public static DatasetSplits Generate(ulong seed, int trainCount = 1000, int testCount = 1000,
        double turns = 2.0, double noise = 0.02) =>
        SeededSplits.Make("spirals", seed, trainCount, testCount, 2, (rng, n) => Sample(rng, n, turns, noise));

    private static TensorData Sample(Rng rng, int count, double turns, double noise)
    {
        var x = new float[count * 2];
        var labels = new long[count];
        double maxAngle = turns * 2 * Math.PI;
        for (int i = 0; i < count; i++)
        {
            int label = i % 2;
            // sqrt spreads points evenly along the arc rather than crowding the centre
            double angle = Math.Sqrt(rng.NextDouble()) * maxAngle, radius = angle / maxAngle;
            double sign = label == 0 ? 1 : -1;
            x[2 * i] = (float)(sign * radius * Math.Cos(angle) + noise * rng.Normal());
            x[2 * i + 1] = (float)(sign * radius * Math.Sin(angle) + noise * rng.Normal());
            labels[i] = label;
        }
        return new TensorData(x, [2], count, labels, null, 0);
    }
}
