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
        double best = double.MaxValue, bestCpu = double.MaxValue;
        using var self = Process.GetCurrentProcess();
        for (int i = 0; i < repeat; i++)
        {
            self.Refresh();
            var cpu = self.TotalProcessorTime; // CPU time is less disturbed by other load on a shared machine
            var watch = Stopwatch.StartNew();
            var splits = catalog.Load(name, options);
            watch.Stop();
            self.Refresh();
            double cpuSeconds = (self.TotalProcessorTime - cpu).TotalSeconds;
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, cpuSeconds);
            Console.Error.WriteLine($"run {i + 1}: {watch.Elapsed.TotalSeconds:F3} s wall, {cpuSeconds:F3} s cpu " +
                                    $"({splits.Train.Count} train, {splits.Test.Count} test)");
        }
        Console.WriteLine($"load_seconds_best: {best:F3}");
        Console.WriteLine($"load_cpu_seconds_best: {bestCpu:F3}");
        return 0;
    }

    private static string? Option(string[] args, string flag)
    {
        int i = Array.IndexOf(args, flag);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
