using System.Diagnostics;
using Evaluators.Data;

namespace Bench;

/// <summary>Times loading a dataset through the catalog (default: the embedded Fashion-MNIST).</summary>
public sealed class DatasetLoadBenchmark : IBenchmark
{
    public string Name => "datasets";
    public string Description => "load time of a dataset: datasets [NAME] [--data DIR] [--repeat N]";

    public int Run(string[] args)
    {
        string name = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "fashion-mnist";
        string? dir = Option(args, "--data");
        int repeat = int.Parse(Option(args, "--repeat") ?? "3", System.Globalization.CultureInfo.InvariantCulture);
        var catalog = DatasetCatalog.CreateDefault();
        var options = new DatasetLoadOptions { Directory = dir, Progress = Console.Error.WriteLine };
        double best = double.MaxValue;
        for (int i = 0; i < repeat; i++)
        {
            var watch = Stopwatch.StartNew();
            var splits = catalog.Load(name, options);
            watch.Stop();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            Console.Error.WriteLine($"run {i + 1}: {watch.Elapsed.TotalSeconds:F3} s ({splits.Train.Count} train, {splits.Test.Count} test)");
        }
        Console.WriteLine($"load_seconds_best: {best:F3}");
        return 0;
    }

    private static string? Option(string[] args, string flag)
    {
        int i = Array.IndexOf(args, flag);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
