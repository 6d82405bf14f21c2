using Bench.Fidelity;
using Cluster.Spaces;
using Evaluators.Runtime;
using Evaluators.Tasks;
using Evaluators.Training;
using Search.Genomes.Activation;
using Search.Variation;
using TorchSharp;

namespace Bench;

/// <summary>
/// Proxy fidelity (bench/Fidelity/README.md): does an activation proxy task rank a fixed panel of
/// activations the way a longer training on another architecture (the reference task, by default the
/// batch-normalised ResNet fmnist-resnet-act) does? Every (function, task, seed) trains once, seeds
/// 1..S paired across functions, on parallel workers at one torch thread each; finished trainings
/// are appended to DIR/fidelity.csv and skipped on a rerun. Options: --seeds N (3), --workers N (2),
/// --proxies a,b,... (fmnist-deep-mlp,fmnist-mlp-short,fmnist-cnn-short), --reference TASK
/// (fmnist-resnet-act), --panel N (all 18), --out DIR (bench/out/fidelity), --full-check (only the
/// check of the reference against a full training: relu, gelu, tanh, softsign, all images, 2 epochs, seed 1).
/// </summary>
public sealed class FidelityBenchmark : IBenchmark
{
    /// <summary>The activation search proxies that fit the bench's time (fmnist-cnn, 4 epochs on all images, does not: README).</summary>
    public static readonly string[] DefaultProxies = ["fmnist-deep-mlp", "fmnist-mlp-short", "fmnist-cnn-short"];
    public const string DefaultReference = "fmnist-resnet-act";
    public static readonly string[] FullCheckLabels = ["relu", "gelu", "tanh", "softsign"];
    public const int FullCheckEpochs = 2;

    public string Name => "fidelity";
    public string Description => "Kendall tau between activation proxies' rankings of a fixed panel and a batch-normalised ResNet's";

    public int Run(string[] args)
    {
        int seeds = Args.Int(args, "--seeds", 3), workers = Args.Int(args, "--workers", 2);
        int? panelSize = args.Contains("--panel") ? Args.Int(args, "--panel", 0) : null;
        if (seeds < 1) throw new ArgumentException("--seeds: expected at least 1");
        if (workers < 1) throw new ArgumentException("--workers: expected at least 1");
        if (panelSize is < 1) throw new ArgumentException("--panel: expected at least 1");
        var proxyNames = Args.Text(args, "--proxies", string.Join(",", DefaultProxies))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string referenceName = Args.Text(args, "--reference", DefaultReference);
        string outDir = Args.Text(args, "--out", Path.Combine("bench", "out", "fidelity"));
        bool fullCheck = args.Contains("--full-check");

        TorchRuntime.EnsureReady(1);
        var proxies = proxyNames.Select(ActivationTask).ToArray();
        var reference = ActivationTask(referenceName);

        // The default space's family settings (for the random genomes) and its proxy task.
        var space = SearchSpaceFile.LoadEmbedded();
        var defaultFamily = (ActivationFamily)((ErasedFamily<ActivationGenome>)space.Family).Inner;
        string defaultProxy = space.Evaluation.Tasks[0];

        var panel = FidelityPanel.Build(defaultFamily, panelSize);
        Console.WriteLine($"panel ({panel.Count}; random genomes from {space.Source}'s family settings, ActivationFamily.Random(new Rng(seed))):");
        foreach (var e in panel)
            Console.WriteLine($"  {e.Label,-12} {e.Genome.Text}{(e.RandomSeed is { } s ? $"   [random, seed {s}]" : "")}");

        Directory.CreateDirectory(outDir);
        string csv = Path.Combine(outDir, "fidelity.csv");
        return fullCheck
            ? FullCheck(panel, reference, seeds, workers, csv)
            : Compare(panel, proxies, reference, seeds, workers, csv, defaultProxy);
    }

    private static ProxyTask ActivationTask(string name)
    {
        var task = ProxyTasks.Get(name);
        if (ProxyTasks.FamilyOf(task).Name != "activation") throw new ArgumentException($"{name} is not an activation task");
        return task;
    }

    private static int Compare(IReadOnlyList<PanelEntry> panel, ProxyTask[] proxies, ProxyTask reference, int seeds, int workers,
        string csv, string defaultProxy)
    {
        // Proxies are scored by validation accuracy, so their test sets are not evaluated.
        var tasks = proxies.Select(p => (Task: p with { Training = p.Training with { EvaluateTestSet = false } }, Key: p.Name))
            .Append((Task: reference, Key: reference.Name)).ToArray();
        var jobs = new List<FidelityJob>();
        for (int seed = 1; seed <= seeds; seed++)
            foreach (var (task, key) in tasks)
                foreach (var entry in panel)
                    jobs.Add(new FidelityJob(entry, task, key, seed));
        Train(jobs, workers, csv);

        var rows = FidelityCsv.Current(FidelityCsv.Read(csv), tasks.ToDictionary(t => t.Key, t => FidelityCsv.Budget(t.Task)));
        var proxyScores = proxies.Select(p => TaskScores.Of(p.Name, false, panel, rows, seeds)).ToArray();
        var referenceScores = TaskScores.Of(reference.Name, true, panel, rows, seeds);
        Console.WriteLine($"\n{panel.Count} functions, seeds 1..{seeds}; mean ± sd (rank, 1 = best):\n");
        Console.WriteLine(FidelityReport.Table(panel, [.. proxyScores, referenceScores]));

        var figures = new Figures();
        var known = panel.Select(e => e.RandomSeed is null).ToArray();
        foreach (var p in proxyScores)
        {
            string k = FidelityReport.Key(p.Task);
            double tau = FidelityReport.Tau(p, referenceScores), seconds = p.Seconds.Count > 0 ? p.Seconds.Average() : double.NaN;
            figures.Add($"kendall_tau_{k}", tau);
            figures.Add($"snr_{k}", RankAgreement.SignalToNoise(p.PerEntry), "0.##");
            figures.Add($"seconds_{k}", seconds, "0.0");
            figures.Add($"tau_per_second_{k}", tau / seconds, "0.#####");
            figures.Add($"relu_vs_2relu_{k}", FidelityReport.Difference(panel, p, "relu", "2relu"));
            // The known functions alone: random genomes that are linear in x are ranked last by any task.
            figures.Add($"kendall_tau_known_{k}", FidelityReport.Tau(p, referenceScores, known));
        }
        string r = FidelityReport.Key(reference.Name);
        figures.Add($"snr_{r}", RankAgreement.SignalToNoise(referenceScores.PerEntry), "0.##");
        figures.Add($"seconds_{r}", referenceScores.Seconds.Count > 0 ? referenceScores.Seconds.Average() : double.NaN, "0.0");
        figures.Add($"relu_vs_2relu_{r}", FidelityReport.Difference(panel, referenceScores, "relu", "2relu"));
        // The default space's proxy (read from the embedded activation-default.yaml).
        var defaultScores = proxyScores.FirstOrDefault(p => p.Task == defaultProxy) ?? TaskScores.Of(defaultProxy, false, panel, rows, seeds);
        figures.Add("kendall_tau_default", FidelityReport.Tau(defaultScores, referenceScores));
        figures.Print();
        return 0;
    }

    private static int FullCheck(IReadOnlyList<PanelEntry> panel, ProxyTask reference, int seeds, int workers, string csv)
    {
        var parser = new ActivationFamily();
        var four = FullCheckLabels.Select(l => FidelityPanel.Known.First(k => k.Label == l))
            .Select(k => new PanelEntry(k.Label, parser.Parse(k.Text), k.Reference)).ToArray();
        var full = reference with { Training = reference.Training with { TrainSubset = null, Epochs = FullCheckEpochs } };
        string fullKey = $"{reference.Name}@full";
        var jobs = new List<FidelityJob>();
        for (int seed = 1; seed <= seeds; seed++)
            foreach (var e in four) jobs.Add(new FidelityJob(e, reference, reference.Name, seed));
        foreach (var e in four) jobs.Add(new FidelityJob(e, full, fullKey, 1));
        Train(jobs, workers, csv);

        var rows = FidelityCsv.Current(FidelityCsv.Read(csv),
            new Dictionary<string, string> { [reference.Name] = FidelityCsv.Budget(reference), [fullKey] = FidelityCsv.Budget(full) });
        var cheap = TaskScores.Of(reference.Name, true, four, rows, seeds);
        var fullScores = TaskScores.Of(fullKey, true, four, rows, 1);
        Console.WriteLine($"\nfull check: {reference.Name} on all training images, {FullCheckEpochs} epochs, seed 1 (test accuracy):\n");
        Console.WriteLine(FidelityReport.Table(four, [cheap, fullScores]));
        var figures = new Figures();
        figures.Add("kendall_tau_full_check", FidelityReport.Tau(cheap, fullScores));
        figures.Add("seconds_full_check", fullScores.Seconds.Count > 0 ? fullScores.Seconds.Average() : double.NaN, "0.0");
        figures.Print();
        return 0;
    }

    private static void Train(List<FidelityJob> jobs, int workers, string csv)
    {
        var rows = FidelityCsv.Read(csv);
        var done = rows.Select(r => (r.Key, r.Budget)).ToHashSet();
        bool Done(FidelityJob j) => done.Contains((j.Key, j.Budget)) || done.Contains((j.Key, ""));
        var todo = jobs.Where(j => !Done(j)).ToArray();
        int legacy = jobs.Count(j => !done.Contains((j.Key, j.Budget)) && done.Contains((j.Key, "")));
        int stale = jobs.Count(j => !Done(j) && rows.Any(r => r.Key == j.Key));
        Console.WriteLine($"\n{jobs.Count} trainings, {jobs.Count - todo.Length} already in {csv}, {todo.Length} to run on {workers} workers");
        if (legacy > 0) Console.WriteLine($"  {legacy} of the rows reused carry no budget (written before the budget column): taken as the current budget");
        if (stale > 0) Console.WriteLine($"  {stale} trainings are in the file under another budget: trained again under the current one");
        if (todo.Length == 0) return;
        var data = new Dictionary<string, PreparedData>();
        try
        {
            foreach (var job in todo)
                if (!data.ContainsKey(job.TaskKey)) data[job.TaskKey] = TaskData.Prepare(job.Task, null, torch.CPU);
            FidelityRunner.Run(todo, data, workers, csv, Console.WriteLine);
        }
        finally
        {
            foreach (var d in data.Values) d.Dispose();
        }
    }
}
