namespace Evaluators.Data;

/// <summary>How <see cref="DatasetCatalog"/> loads a task; every field has a usable default.</summary>
public sealed record DatasetLoadOptions
{
    /// <summary>Directory with the dataset's files; required for mnist, kmnist and cifar10, optional for fashion-mnist.</summary>
    public string? Directory { get; init; }
    /// <summary>Keep only the first N training (test) samples, for quick proxies.</summary>
    public int? TrainLimit { get; init; }
    public int? TestLimit { get; init; }
    /// <summary>
    /// Off by default: pixels stay in [0, 1]. On: inputs become (x - mean) / std per channel, with
    /// statistics from the (limited) training split applied to both splits.
    /// </summary>
    public bool Standardize { get; init; }
    /// <summary>Seed and sizes of the generated (synthetic) tasks.</summary>
    public ulong Seed { get; init; }
    public int TrainCount { get; init; } = 1000;
    public int TestCount { get; init; } = 1000;
    /// <summary>The user's CSV file of the "csv" dataset (ignored by every other dataset).</summary>
    public Csv.CsvSource? Csv { get; init; }
    /// <summary>Receives progress lines (e.g. while fetching Fashion-MNIST).</summary>
    public Action<string>? Progress { get; init; }
}
