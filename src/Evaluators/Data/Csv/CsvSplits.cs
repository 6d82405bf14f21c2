using Search.Core;

namespace Evaluators.Data.Csv;

/// <summary>
/// Splits a CSV table 70/15/15 into train, validation and test: the rows are shuffled by the
/// engine's <see cref="Rng"/> from the split seed (the same seed gives the same split everywhere),
/// then the first 70% train, the next 15% validate and the last 15% test (15% rounded, at least one
/// row each). Scaling (<see cref="CsvScaling"/>) is fitted on the (limited) training rows.
/// </summary>
public static class CsvSplits
{
    public const double ValidationShare = 0.15, TestShare = 0.15;

    /// <summary>Shuffled row indices per split.</summary>
    public static (int[] Train, int[] Validation, int[] Test) Rows(int rows, ulong seed)
    {
        if (rows < 3) throw new ArgumentOutOfRangeException(nameof(rows), $"{rows} rows cannot make three splits");
        int test = Part(rows, TestShare), validation = Part(rows, ValidationShare);
        var order = Enumerable.Range(0, rows).ToArray();
        new Rng(seed).Shuffle(order);
        int train = rows - validation - test;
        return (order[..train], order[train..(train + validation)], order[(train + validation)..]);
    }

    /// <param name="trainLimit">Keep only the first N training rows (the proxy's train subset); validation and test stay whole.</param>
    public static DatasetSplits Make(CsvRegressionData data, ulong seed, int? trainLimit = null)
    {
        var (train, validation, test) = Rows(data.Rows, seed);
        if (trainLimit is int limit && limit < train.Length) train = train[..Math.Max(1, limit)];
        var scaling = CsvScaling.Fit(data, train);
        return new DatasetSplits(CsvDataset.Name, scaling.Apply(data, train), scaling.Apply(data, test), 0)
        {
            Validation = scaling.Apply(data, validation),
            TargetScale = scaling.TargetStd,
        };
    }

    private static int Part(int rows, double share) => Math.Max(1, (int)Math.Round(rows * share, MidpointRounding.AwayFromZero));
}
