namespace Evaluators.Data.Csv;

/// <summary>The "csv" dataset of the catalog: read the file, split it by seed, scale it on its training rows.</summary>
public static class CsvDataset
{
    public const string Name = "csv";

    /// <param name="progress">Told which columns became inputs and which the target, so a user can check.</param>
    public static DatasetSplits Load(CsvSource? source, int? trainLimit = null, Action<string>? progress = null)
    {
        if (source is null)
            throw new DatasetException("the csv dataset is the user's own CSV file: pass --data FILE.csv (or data: in the search space's evaluation section)");
        var table = CsvRegressionFile.Read(source.Path, source.Target);
        progress?.Invoke($"{source.Path}: {table.Rows} rows; target '{table.TargetName}', inputs {string.Join(", ", table.InputNames.Select(n => $"'{n}'"))}; split seed {source.SplitSeed}");
        return CsvSplits.Make(table, source.SplitSeed, trainLimit);
    }
}
