namespace Evaluators.Data.Csv;

/// <summary>
/// A user's CSV regression file and how to read it: the target column (null = the last) and the
/// seed of the train/validation/test split (the split, not the weights: every candidate of a
/// search sees the same rows).
/// </summary>
public sealed record CsvSource(string Path, string? Target = null, ulong SplitSeed = 0)
{
    /// <summary>
    /// Whether a `--data` value names a CSV file rather than a dataset directory: it ends in ".csv"
    /// and is not a directory (a missing file still counts, so the reader can say it is missing).
    /// </summary>
    public static bool IsCsvPath(string? path) =>
        path is not null && path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !Directory.Exists(path);
}
