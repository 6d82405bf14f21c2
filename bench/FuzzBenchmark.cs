using System.Diagnostics;
using Bench.Fuzz;

namespace Bench;

/// <summary>
/// Fuzzes the genome parsers, the space loader, the IDX and CIFAR-10 readers and the protocol
/// decoder (bench/Fuzz). Options: --per-target N (default 100000), --seed S (default 1),
/// --targets a,b (default all), --limit-ms per-input time limit (default 2000), --trace (print
/// each input's seed before it runs, to find one that kills the process), --replay SEED (run and
/// print the one input of that seed; needs --targets with one target). Targets run in parallel, one per core. Prints every failure with its seed and input, then per target
/// `fuzz_&lt;target&gt;_inputs` and `fuzz_&lt;target&gt;_failures`, and `fuzz_failures` last.
/// Exit code 1 when anything failed.
/// </summary>
public sealed class FuzzBenchmark : IBenchmark
{
    public string Name => "fuzz";
    public string Description => "fuzz the text parsers, space loader, dataset readers and protocol decoder; fuzz_failures last";

    public int Run(string[] args)
    {
        int perTarget = Args.Int(args, "--per-target", 100_000);
        int seed = Args.Int(args, "--seed", 1);
        var limit = TimeSpan.FromMilliseconds(Args.Int(args, "--limit-ms", 2000));
        if (perTarget < 1 || limit <= TimeSpan.Zero) throw new ArgumentException("--per-target and --limit-ms must be positive");
        string only = Args.Text(args, "--targets", "");
        var targets = only.Length == 0 ? FuzzTargets.All()
            : only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(FuzzTargets.Named).ToList();

        if (Args.Text(args, "--replay", "") is { Length: > 0 } replay) return Replay(targets, replay, limit);
        bool trace = args.Contains("--trace");

        Console.WriteLine($"fuzz: {targets.Count} targets x {perTarget} inputs, seed {seed}, limit {limit.TotalMilliseconds} ms per input");
        var clock = Stopwatch.StartNew();
        var reports = new FuzzReport[targets.Count];
        Parallel.For(0, targets.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var t = targets[i];
            reports[i] = FuzzRunner.Run(t, perTarget, (ulong)seed, limit,
                done => Console.WriteLine($"  {t.Name}: {done}/{perTarget} ({clock.Elapsed.TotalSeconds:0}s)"),
                trace ? s => Console.WriteLine($"  try {t.Name} 0x{s:X16}") : null);
        });

        foreach (var failure in reports.SelectMany(r => r.Failures)) Console.WriteLine(failure);
        foreach (var r in reports) Console.WriteLine($"  {r.Target}: {r.Inputs} inputs in {r.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"fuzz_seconds: {clock.Elapsed.TotalSeconds:0.0}");
        foreach (var r in reports)
        {
            Console.WriteLine($"fuzz_{r.Target}_inputs: {r.Inputs}");
            Console.WriteLine($"fuzz_{r.Target}_failures: {r.Failures.Count}");
        }
        int failures = reports.Sum(r => r.Failures.Count);
        Console.WriteLine($"fuzz_failures: {failures}");
        return failures == 0 ? 0 : 1;
    }

    private static int Replay(IReadOnlyList<IFuzzTarget> targets, string seedText, TimeSpan limit)
    {
        if (targets.Count != 1) throw new ArgumentException("--replay needs --targets with exactly one target");
        if (!ulong.TryParse(seedText.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? seedText[2..] : seedText,
                System.Globalization.NumberStyles.HexNumber, null, out ulong inputSeed))
            throw new ArgumentException("--replay: expected a hexadecimal input seed");
        var input = FuzzRunner.Input(targets[0], inputSeed);
        var problem = FuzzRunner.Check(targets[0], input, limit);
        Console.WriteLine(problem is null ? $"ok {targets[0].Name} seed=0x{inputSeed:X16}" : new FuzzFailure(targets[0].Name, inputSeed, input, problem).ToString());
        Console.WriteLine($"  input (escaped, whole): {FuzzFailure.Escape(input, int.MaxValue)}");
        Console.WriteLine($"  input (hex, whole): {Convert.ToHexString(input)}");
        return problem is null ? 0 : 1;
    }
}
