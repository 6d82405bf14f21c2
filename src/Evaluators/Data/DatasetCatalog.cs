using Evaluators.Data.Cifar;
using Evaluators.Data.Csv;
using Evaluators.Data.Fetch;
using Evaluators.Data.Idx;
using Evaluators.Data.Synthetic;
using Evaluators.Data.Text;

namespace Evaluators.Data;

/// <summary>
/// Resolves a task name to its data: the image sets (fashion-mnist, the embedded default, then
/// mnist, kmnist, cifar10 from a directory) and the seeded synthetic tasks (spirals,
/// checkerboard, kan-*), the user's own regression CSV (csv, from <see cref="DatasetLoadOptions.Csv"/>)
/// and the character language-model text (fortunes-chars: windows of 64 token ids with the next
/// character of each position as labels; see <see cref="CharWindows"/>). Token data is never
/// standardised: <see cref="DatasetLoadOptions.Standardize"/> leaves it as ids.
/// </summary>
public sealed class DatasetCatalog(FashionMnistSource fashionMnist, FortunesSource? fortunes = null)
{
    public static IReadOnlyList<string> Names { get; } =
        ["fashion-mnist", "mnist", "kmnist", "cifar10", "spirals", "checkerboard", .. KanFunctions.All.Select(f => f.Name), CsvDataset.Name,
         CharWindows.DatasetName];

    public static DatasetCatalog CreateDefault() => new(FashionMnistSource.CreateDefault(), FortunesSource.CreateDefault());

    private readonly FortunesSource fortunes = fortunes ?? FortunesSource.CreateDefault();

    public DatasetSplits Load(string name, DatasetLoadOptions? options = null, CancellationToken cancel = default)
    {
        var o = options ?? new DatasetLoadOptions();
        if (o.TrainLimit is <= 0 || o.TestLimit is <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), "TrainLimit and TestLimit must be positive when given");
        int train = Math.Min(o.TrainCount, o.TrainLimit ?? int.MaxValue); // a generated prefix equals the first N of a larger set
        int test = Math.Min(o.TestCount, o.TestLimit ?? int.MaxValue);

        var splits = Canonical(name) switch
        {
            "fashion-mnist" => o.Directory is { } dir
                ? IdxDataset.Load("fashion-mnist", dir, 10, (28, 28), o.TrainLimit, o.TestLimit)
                : fashionMnist.Load(o.TrainLimit, o.TestLimit, o.Progress, cancel),
            "mnist" or "kmnist" => IdxDataset.Load(Canonical(name), RequireDirectory(Canonical(name), o), 10, (28, 28),
                o.TrainLimit, o.TestLimit),
            "cifar10" => Cifar10Dataset.Load(RequireDirectory("cifar10", o), o.TrainLimit, o.TestLimit),
            "spirals" => TwoSpirals.Generate(o.Seed, train, test),
            "checkerboard" => Checkerboard.Generate(o.Seed, train, test),
            CsvDataset.Name => CsvDataset.Load(o.Csv, o.TrainLimit, o.Progress),
            CharWindows.DatasetName => CharWindows.Split(fortunes.Load(o.Progress, cancel), CharWindows.DefaultContext, o.TrainLimit, o.TestLimit),
            var other when KanFunctions.Find(other) is { } f => KanTask.Generate(f, o.Seed, train, test),
            _ => throw new DatasetException($"unknown dataset '{name}'; known: {string.Join(", ", Names)}"),
        };
        bool tokens = splits.Train.IsClassification && splits.Train.LabelsPerSample > 1; // ids, not measurements
        return o.Standardize && !tokens ? Standardizer.Apply(splits) : splits;
    }

    /// <summary>Lower case, '_' as '-', and the common spellings fashionmnist and cifar-10.</summary>
    private static string Canonical(string name) => name.Trim().ToLowerInvariant().Replace('_', '-') switch
    {
        "fashionmnist" => "fashion-mnist",
        "cifar-10" => "cifar10",
        var n => n,
    };

    private static string RequireDirectory(string name, DatasetLoadOptions o) =>
        o.Directory ?? throw new DatasetException(name == "cifar10"
            ? "cifar10 has no embedded copy: pass --data DIR with data_batch_1..5.bin and test_batch.bin (or their cifar-10-batches-bin folder)"
            : $"{name} has no embedded copy: pass --data DIR with train-images-idx3-ubyte, train-labels-idx1-ubyte, " +
              "t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (raw or .gz)");
}
