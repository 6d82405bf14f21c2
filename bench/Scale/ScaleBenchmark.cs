using System.Diagnostics;
using System.Globalization;
using Cluster.Hosting;
using Cluster.Spaces;
using Cluster.Workers;
using Evaluators.Candidates;
using Search.Core;
using Search.Engine;
using Search.Genomes.RealVector;
using Search.Strategies;
using Search.Variation;

namespace Bench.Scale;

/// <summary>
/// How the real coordinator (this process: cluster singleton, SQLite journal, remoting) keeps
/// many slow evaluator slots busy. For each slot count, worker processes (this program, `scale
/// --worker ...`, up to 4, slots split evenly) join on loopback and run a <see cref="DelayEvaluator"/>
/// per slot (latency ± jitter, default 1 s ± 20%). Utilization = achieved evaluations/s over
/// slots/latency, measured in steady state: from when the warm-up results are applied to when all
/// but the last 2 × slots are (so the ramp-up and the run's draining end are left out, and the
/// results waiting to be applied in proposal order are about as many at both marks).
/// Each slot holds up to --prefetch jobs (default 2: the next job is at hand while a result travels).
/// The space: aging evolution (population 20, steady-state) on a 4-dimensional real vector with a
/// lookahead of 2 × slots (at least 64): results are applied in proposal order, so the engine needs
/// room beyond the slowest job in flight.
/// Options: --slots 1,16,64,256,1024, --latency-ms 1000, --jitter 0.2, --rounds 8 (measured
/// evaluations = rounds × slots), --prefetch 2, --plot scale.svg.
/// </summary>
public sealed class ScaleBenchmark : IBenchmark
{
    private const int MaxProcesses = 4;
    private const int Population = 20;

    public string Name => "scale";
    public string Description => "utilization of 1..1024 simulated evaluator slots (1 s +- 20%) over worker processes on loopback";

    public int Run(string[] args)
    {
        var latency = TimeSpan.FromMilliseconds(Args.Int(args, "--latency-ms", 1000));
        double jitter = double.Parse(Args.Text(args, "--jitter", "0.2"), CultureInfo.InvariantCulture);
        int prefetch = Args.Int(args, "--prefetch", 2);
        int w = Array.IndexOf(args, "--worker");
        if (w >= 0) return Worker(int.Parse(args[w + 1], CultureInfo.InvariantCulture), Args.Int(args, "--slots", 1), latency, jitter, prefetch);

        var levels = Args.Text(args, "--slots", "1,16,64,256,1024").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        int rounds = Args.Int(args, "--rounds", 8);
        string plot = Path.GetFullPath(Args.Text(args, "--plot", "scale.svg"));
        Console.WriteLine($"scale: slots {string.Join(", ", levels)}; evaluation {latency.TotalMilliseconds:0} ms +- {jitter:P0}; {rounds} rounds measured; prefetch {prefetch}; SQLite store");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores (shared with other work; figures are indicative)");
        var total = Stopwatch.StartNew();
        var points = new List<(int Slots, double Rate, double Utilization)>();
        foreach (int slots in levels)
        {
            double rate = Measure(slots, rounds, latency, jitter, prefetch);
            double utilization = rate / (slots / latency.TotalSeconds);
            points.Add((slots, rate, utilization));
            Console.WriteLine(F($"  {slots} slots: {rate:F1} evals/s, utilization {utilization:F3} ({total.Elapsed.TotalSeconds:F0} s so far)"));
        }
        ScalePlot.Write(plot, points.Select(p => (p.Slots, p.Rate)).ToArray(), latency.TotalSeconds);
        Console.WriteLine($"plot: {plot}");

        var figures = new Figures();
        foreach (var p in points) figures.Add($"scale_evals_s_{p.Slots}", p.Rate, "0.0");
        foreach (var p in points) figures.Add($"scale_utilization_{p.Slots}", p.Utilization, "0.000");
        figures.Add("scale_wall_s", total.Elapsed.TotalSeconds, "0");
        figures.Print();
        return 0;
    }

    private static double Measure(int slots, int rounds, TimeSpan latency, double jitter, int prefetch)
    {
        int warmup = Population + 2 * slots;
        int measured = Math.Max(1, rounds * slots);
        int evaluations = warmup + measured + 2 * slots;
        int port = DispatchBenchmark.FreePort();
        string dir = Path.Combine(Path.GetTempPath(), "bench-scale", $"{slots}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var watch = new Marks(warmup, warmup + measured);
        int processes = Math.Min(MaxProcesses, slots);
        var children = new List<Process>();
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            var options = new RunOptions { RunDirectory = dir, Workers = 0, Node = new NodeOptions { Port = port } };
            var run = SearchRunner.SubmitToCluster(Space(evaluations, Math.Max(64, 2 * slots)), [$"127.0.0.1:{port}"], options, watch, limit.Token);
            for (int i = 0; i < processes; i++)
                children.Add(StartWorker(port, slots / processes + (i < slots % processes ? 1 : 0), latency, jitter, prefetch));
            var result = run.GetAwaiter().GetResult();
            if (!result.Completed || watch.Start is null || watch.End is null)
                throw new InvalidOperationException($"run with {slots} slots did not complete ({result.Status.Done}/{evaluations})");
            double seconds = (watch.End.Value - watch.Start.Value).TotalSeconds;
            return (watch.EndDone - watch.StartDone) / seconds;
        }
        finally
        {
            SelfProcess.KillAll(children);
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Wall clock and applied count (reports are throttled, so the count is taken too) when each mark is first reached.</summary>
    private sealed class Marks(int start, int end) : IProgress<RunProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        public TimeSpan? Start { get; private set; }
        public long StartDone { get; private set; }
        public TimeSpan? End { get; private set; }
        public long EndDone { get; private set; }

        public void Report(RunProgress p)
        {
            if (Start is null && p.Done >= start) (Start, StartDone) = (_clock.Elapsed, p.Done);
            if (End is null && p.Done >= end) (End, EndDone) = (_clock.Elapsed, p.Done);
        }
    }

    private static int Worker(int port, int slots, TimeSpan latency, double jitter, int prefetch)
    {
        var node = new NodeOptions { SeedNodes = [$"127.0.0.1:{port}"], Roles = [NodeOptions.EvaluatorRole] };
        // Killed by the parent; the limit only bounds an orphan.
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        SearchRunner.JoinAsWorker(node, slots, _ => new DelayEvaluator(latency, jitter), new WorkerSettings { Prefetch = prefetch }, limit.Token).GetAwaiter().GetResult();
        return 0;
    }

    private static Process StartWorker(int port, int slots, TimeSpan latency, double jitter, int prefetch) =>
        SelfProcess.Start(["scale", "--worker", I(port), "--slots", I(slots), "--latency-ms", I((int)latency.TotalMilliseconds),
            "--jitter", jitter.ToString(CultureInfo.InvariantCulture), "--prefetch", I(prefetch)], "worker");

    private static SearchSpace Space(long evaluations, int lookahead)
    {
        var family = new RealVectorFamily(new double[4], [1.0, 1.0, 1.0, 1.0]);
        return new SearchSpace
        {
            Name = "scale-bench",
            Source = "embedded:scale-bench",
            Family = family.Erase(),
            CreateStrategy = () => new AgingEvolution<IGenome>(new AgingOptions(Population)),
            StrategyName = "aging",
            Objectives = ObjectiveSet.Minimize("f1", "f2"),
            Engine = new EngineSettings(7, lookahead, evaluations),
            Evaluation = new EvaluationPlan { Tasks = ["noop"], Objectives = ["f1", "f2"] },
            Seed = 7,
            Fingerprint = 0x5CA1E,
        };
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
