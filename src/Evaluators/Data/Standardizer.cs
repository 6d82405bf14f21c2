namespace Evaluators.Data;

/// <summary>
/// Per-channel standardisation, (x - mean) / std, with statistics fitted on the training split
/// only (so no test information leaks) and applied to both splits. Images ([C, H, W]) have one
/// statistic per channel; any other sample shape is treated as a single channel.
/// </summary>
public static class Standardizer
{
    /// <summary>Below this a channel is constant; it is centred but not scaled.</summary>
    private const double MinStd = 1e-6;

    public static ChannelStats Fit(TensorData train)
    {
        var (channels, plane) = Layout(train);
        var sum = new double[channels];
        var sumSq = new double[channels];
        var x = train.X;
        for (int s = 0; s < train.Count; s++)
            for (int c = 0; c < channels; c++)
            {
                var span = x.AsSpan((s * channels + c) * plane, plane);
                double a = 0, b = 0;
                foreach (float v in span) { a += v; b += (double)v * v; }
                sum[c] += a; sumSq[c] += b;
            }
        double n = Math.Max(1.0, (double)train.Count * plane);
        var mean = new float[channels];
        var std = new float[channels];
        for (int c = 0; c < channels; c++)
        {
            double m = sum[c] / n, variance = Math.Max(0, sumSq[c] / n - m * m);
            mean[c] = (float)m;
            std[c] = (float)(Math.Sqrt(variance) < MinStd ? 1.0 : Math.Sqrt(variance));
        }
        return new ChannelStats(mean, std);
    }

    public static TensorData Apply(TensorData data, ChannelStats stats)
    {
        var (channels, plane) = Layout(data);
        if (stats.Mean.Length != channels)
            throw new ArgumentException($"statistics have {stats.Mean.Length} channels, data has {channels}", nameof(stats));
        var y = new float[data.X.Length];
        for (int s = 0; s < data.Count; s++)
            for (int c = 0; c < channels; c++)
            {
                int start = (s * channels + c) * plane;
                float m = stats.Mean[c], inv = 1f / stats.Std[c];
                for (int k = start; k < start + plane; k++) y[k] = (data.X[k] - m) * inv;
            }
        return data with { X = y };
    }

    /// <summary>Fits on <c>Train</c> and applies to both splits.</summary>
    public static DatasetSplits Apply(DatasetSplits splits)
    {
        var stats = Fit(splits.Train);
        return splits with
        {
            Train = Apply(splits.Train, stats), Test = Apply(splits.Test, stats),
            Validation = splits.Validation is { } v ? Apply(v, stats) : null,
        };
    }

    private static (int Channels, int Plane) Layout(TensorData data) =>
        data.SampleShape.Length == 3 ? (data.SampleShape[0], data.SampleShape[1] * data.SampleShape[2]) : (1, data.SampleSize);
}
