using System.Diagnostics;
using Evaluators.Data;
using Evaluators.Models;
using Evaluators.Tasks;
using Evaluators.Training;
using Search.Genomes.NormAct;
using TorchSharp;

namespace Bench.EvoNorm;

/// <summary>
/// Trains one cell (architecture x layer x batch size x training condition) once per seed and
/// returns the test accuracies. Seed s gives every layer the same batch order, so gaps are
/// paired per seed. Data is loaded once per (train, test) size and kept until disposal.
/// </summary>
public sealed class EvoNormCellRunner(int testImages) : IDisposable
{
    private readonly Dictionary<int, PreparedData> _data = [];
    private readonly NormActFamily _family = new();

    public double TrainSeconds { get; private set; }

    public static IModelTemplate Template(string arch) => ProxyTasks.Get("fmnist-" + arch).Template;

    /// <summary>Test accuracies, one per seed 1..seeds; a diverged run counts as its (chance-level) accuracy, flagged in the log.</summary>
    public double[] Run(string arch, string layer, TrainingSettings settings, int images, int seeds, Action<string> log)
    {
        var data = Data(images);
        var slot = EvoNormLayers.Create(layer, _family);
        var accuracies = new double[seeds];
        var clock = Stopwatch.StartNew();
        for (int s = 1; s <= seeds; s++)
        {
            var m = Trainer.Train(Template(arch), slot, data, settings, (ulong)s);
            accuracies[s - 1] = double.IsFinite(m.TestAccuracy) ? m.TestAccuracy : 0.1;
            if (m.Diverged) log($"  diverged: {arch} {layer} batch {settings.BatchSize} seed {s} (test acc {m.TestAccuracy:F4})");
        }
        TrainSeconds += clock.Elapsed.TotalSeconds;
        return accuracies;
    }

    private PreparedData Data(int images)
    {
        if (_data.TryGetValue(images, out var d)) return d;
        var splits = DatasetCatalog.CreateDefault().Load("fashion-mnist",
            new DatasetLoadOptions { TrainLimit = images, TestLimit = testImages, Standardize = true });
        // No validation split: every image trains, and only test accuracy is read.
        d = new PreparedData(splits, 0, torch.CPU);
        _data[images] = d;
        return d;
    }

    public void Dispose()
    {
        foreach (var d in _data.Values) d.Dispose();
        _data.Clear();
    }
}
