using Evaluators.Compile.Checks;
using Evaluators.Runtime;

namespace Bench;

/// <summary>
/// The norm-act compiler's numerical checks as a table: BN-ReLU, GN-ReLU, EvoNorm-B0 and -S0
/// genomes against TorchSharp's or hand-written modules (float32, train then eval mode), and random
/// genomes against the engine's double evaluator. Options: --seed N (1), --genomes N (200), --threads N.
/// </summary>
public sealed class NormActCheckBenchmark : IBenchmark
{
    public string Name => "normact-check";
    public string Description => "max differences of compiled norm-act layers vs reference modules and NormActReference";

    public int Run(string[] args)
    {
        TorchRuntime.EnsureReady(Args.Int(args, "--threads", 0));
        int seed = Args.Int(args, "--seed", 1);
        var rows = NormActCheck.AgainstHandWritten((ulong)seed).ToList();
        rows.Add(NormActCheck.AgainstEngineReference(Args.Int(args, "--genomes", 200), (ulong)seed + 6));
        Console.WriteLine("| check | max difference | values compared |\n|---|---|---|");
        foreach (var r in rows) Console.WriteLine($"| {r.Name} | {r.MaxDiff:E2} | {r.Compared} |");
        var figures = new Figures();
        foreach (var r in rows) figures.Add(Key(r.Name), r.MaxDiff, "0.00E+00");
        figures.Print();
        return 0;
    }

    private static string Key(string name) => name.StartsWith("bn", StringComparison.Ordinal) || name.StartsWith("gn", StringComparison.Ordinal)
        || name.StartsWith("evonorm", StringComparison.Ordinal)
        ? name.Replace(' ', '_').Replace('-', '_') + "_max_abs"
        : "random_genomes_max_scaled";
}
