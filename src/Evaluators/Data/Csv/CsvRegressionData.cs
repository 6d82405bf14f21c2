namespace Evaluators.Data.Csv;

/// <summary>
/// A regression table read from a CSV file, unscaled: <see cref="X"/> is Rows x InputNames.Count
/// row-major, <see cref="Y"/> the target column, both in the file's own units.
/// </summary>
public sealed record CsvRegressionData(string Path, IReadOnlyList<string> InputNames, string TargetName, int Rows, double[] X, double[] Y)
{
    public int Inputs => InputNames.Count;
}
