using System.Globalization;

namespace Bench.EvoNorm;

/// <summary>
/// Options of the evonorm batch-size benchmark. Defaults size the full grid (3 architectures x 5
/// batch sizes x 3 layers x 3 seeds) to roughly 15-25 minutes on two shared CPU cores.
/// </summary>
public sealed record EvoNormBatchOptions
{
    public static readonly string[] AllArchs = ["resnet", "mobilenet", "plaincnn"];

    public int Images { get; init; } = 2_000;
    public int TestImages { get; init; } = 2_000;
    public int Epochs { get; init; } = 1;
    public IReadOnlyList<string> Archs { get; init; } = AllArchs;
    public IReadOnlyList<int> Batches { get; init; } = [2, 4, 8, 32, 128];
    public int Seeds { get; init; } = 3;
    public string Optimizer { get; init; } = "adam";
    public double LearningRate { get; init; } = 1e-3;
    public double Momentum { get; init; } = 0.9;
    /// <summary>Torch threads; 1 by default: at batch 2 on a shared 2-core machine, 2 threads ran 5-10x slower per step than 1.</summary>
    public int Threads { get; init; } = 1;
    public bool Sweep { get; init; }
    /// <summary>The one architecture the sweep varies conditions on (its residual-vs-plain step swaps it for plaincnn).</summary>
    public string SweepArch { get; init; } = "resnet";
    /// <summary>Sweep conditions to run (keys of EvoNormSweep.Conditions); null = all, base first.</summary>
    public IReadOnlyList<string>? SweepConditions { get; init; }

    public static EvoNormBatchOptions Parse(string[] args)
    {
        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            "--images", "--test-images", "--epochs", "--archs", "--batches", "--seeds", "--optimizer", "--lr",
            "--momentum", "--threads", "--sweep", "--sweep-arch", "--conditions",
        };
        for (int i = 0; i < args.Length; i++)
        {
            if (!known.Contains(args[i])) throw new ArgumentException($"unknown option '{args[i]}'; expected one of {string.Join(", ", known)}");
            if (args[i] != "--sweep") i++;
        }
        var o = new EvoNormBatchOptions
        {
            Images = Args.Int(args, "--images", 2_000),
            TestImages = Args.Int(args, "--test-images", 2_000),
            Epochs = Args.Int(args, "--epochs", 1),
            Seeds = Args.Int(args, "--seeds", 3),
            Threads = Args.Int(args, "--threads", 1),
            Optimizer = Text(args, "--optimizer") ?? "adam",
            LearningRate = Number(args, "--lr") ?? 1e-3,
            Momentum = Number(args, "--momentum") ?? 0.9,
            Sweep = args.Contains("--sweep"),
            SweepArch = Text(args, "--sweep-arch") ?? "resnet",
        };
        if (Text(args, "--archs") is string archs) o = o with { Archs = archs.Split(',', StringSplitOptions.RemoveEmptyEntries) };
        if (Text(args, "--batches") is string batches)
            o = o with { Batches = batches.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(b => ParseInt("--batches", b)).ToArray() };
        if (Text(args, "--conditions") is string conditions) o = o with { SweepConditions = conditions.Split(',', StringSplitOptions.RemoveEmptyEntries) };
        o.Validate();
        return o;
    }

    public void Validate()
    {
        if (Images < 2 || TestImages < 1 || Epochs < 1 || Seeds < 1 || Threads < 0)
            throw new ArgumentException("--images >= 2, --test-images >= 1, --epochs >= 1, --seeds >= 1 and --threads >= 0 are required");
        if (Batches.Count == 0 || Batches.Any(b => b < 1)) throw new ArgumentException("--batches: expected positive integers, e.g. 2,4,8,32,128");
        foreach (var a in Archs.Append(SweepArch))
            if (!AllArchs.Contains(a)) throw new ArgumentException($"architecture '{a}': expected one of {string.Join(", ", AllArchs)}");
        if (Archs.Count == 0) throw new ArgumentException("--archs: expected at least one architecture");
        if (!(LearningRate > 0)) throw new ArgumentException("--lr: expected > 0");
        Evaluators.Training.OptimizerFactory.CheckName(Optimizer);
    }

    private static string? Text(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        if (i < 0) return null;
        return i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{name}: expected a value");
    }

    private static double? Number(string[] args, string name) =>
        Text(args, name) is string s
            ? double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : throw new ArgumentException($"{name}: expected a number")
            : null;

    private static int ParseInt(string name, string s) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : throw new ArgumentException($"{name}: '{s}' is not an integer");
}
