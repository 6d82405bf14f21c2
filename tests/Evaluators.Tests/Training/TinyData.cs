using Evaluators.Data;

namespace Evaluators.Tests.Training;

/// <summary>Small separable problems made in the test, so trainer tests need no files.</summary>
internal static class TinyData
{
    /// <summary>Two Gaussian blobs per class in 8x8 "images", 3 classes.</summary>
    public static DatasetSplits Blobs(int train = 600, int test = 300, int seed = 1)
    {
        var rng = new Search.Core.Rng((ulong)seed);
        TensorData Make(int count)
        {
            var x = new float[count * 64];
            var labels = new long[count];
            for (int i = 0; i < count; i++)
            {
                int c = i % 3;
                labels[i] = c;
                for (int j = 0; j < 64; j++)
                    x[i * 64 + j] = (float)(rng.Normal() * 0.8 + (j % 3 == c ? 1.0 : 0.0));
            }
            return new TensorData(x, [1, 8, 8], count, labels, null, 0);
        }
        return new DatasetSplits("blobs", Make(train), Make(test), 3);
    }

    /// <summary>y = sin(2x) on [-1,1]: a small regression task.</summary>
    public static DatasetSplits Sine(int train = 400, int test = 200)
    {
        TensorData Make(int count, int offset)
        {
            var x = new float[count];
            var y = new float[count];
            for (int i = 0; i < count; i++)
            {
                x[i] = -1f + 2f * ((i * 7919 + offset) % count) / count;
                y[i] = MathF.Sin(2 * x[i]);
            }
            return new TensorData(x, [1], count, null, y, 1);
        }
        return new DatasetSplits("sine", Make(train, 0), Make(test, 13), 0);
    }
}
