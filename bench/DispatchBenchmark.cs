using Search.Variation;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Cluster.Hosting;
using Cluster.Spaces;
using Cluster.Workers;
using Evaluators.Candidates;
using Evaluators.Candidates.Fakes;
using Search.Core;
using Search.Engine;
using Search.Genomes.RealVector;
using Search.Strategies;

namespace Bench;

/// <summary>
/// Dispatch overhead of the full actor path: this process submits a run (coordinator singleton,
/// SQLite journal and snapshots in a temp run directory, MessagePack serializer, remoting on
/// loopback) and evaluates nothing; 1 and then 2 child processes (this program, `dispatch
/// --worker PORT`) join as evaluator nodes with one <see cref="NoOpEvaluator"/> slot each.
/// The space: NSGA-II (population 32) on a 4-dimensional real vector, two objectives.
/// Measured from the moment --warmup results are stored to the last result: evaluations per
/// second, and coordinator time per evaluation = CPU time of this (the coordinator's) process over
/// that window / evaluations in it. That CPU time includes everything the coordinator node does:
/// remoting, serialization, SQLite writes, snapshots, status reports and the progress listener;
/// the worker processes' CPU is not in it.
/// Then the same with 2 workers and a large population (--large-population, default 256; 0 skips it):
/// NSGA-II waits for a whole generation before it proposes the next, so with 32 a generation's round
/// trip (jobs out, results back, one journal write) bounds the rate; a large population shows what
/// the dispatch path itself sustains.
/// Options: --evaluations E (default 100000), --warmup W (default 20000: the first results run on
/// code the tiered JIT has not optimized yet; with 10000 of 40000 the figures came out 30-50% worse),
/// --population P (default 32),
/// --prefetch N (jobs each slot holds at once, default 64; 1 is one round trip per job),
/// --memory (Akka's in-memory journal instead of SQLite: shows what the store costs).
/// </summary>
public sealed class DispatchBenchmark : IBenchmark
{
    public string Name => "dispatch";
    public string Description => "evaluations/s through coordinator + SQLite + remoting with 1 and 2 no-op worker processes";

    public int Run(string[] args)
    {
        int w = Array.IndexOf(args, "--worker");
        int prefetch = Args.Int(args, "--prefetch", 64);
        if (w >= 0) return Worker(int.Parse(args[w + 1], CultureInfo.InvariantCulture), prefetch);

        int evaluations = Args.Int(args, "--evaluations", 100000);
        int warmup = Args.Int(args, "--warmup", 20000);
        int population = Args.Int(args, "--population", 32);
        int large = Args.Int(args, "--large-population", 256);
        StoreOptions? store = args.Contains("--memory") ? new StoreOptions.InMemory() : null;
        Console.WriteLine($"dispatch: {evaluations} evaluations per run, first {warmup} not measured, NSGA-II population {population}, {(store is null ? "SQLite" : "in-memory")} store, NoOpEvaluator, prefetch {prefetch}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores (shared with other work; figures are indicative)");
        var one = Measure(1, evaluations, warmup, population, store, prefetch);
        var two = Measure(2, evaluations, warmup, population, store, prefetch);
        var twoLarge = large > 0 ? Measure(2, evaluations, warmup, large, store, prefetch) : null;
        Console.WriteLine(F($"coordinator_us_per_eval_1w: {one.CoordinatorUs:F1}"));
        Console.WriteLine(F($"coordinator_us_per_eval_2w: {two.CoordinatorUs:F1}"));
        Console.WriteLine(F($"dispatch_evals_s_1w: {one.EvalsPerSecond:F1}"));
        Console.WriteLine(F($"dispatch_evals_s_2w: {two.EvalsPerSecond:F1}"));
        if (twoLarge is not null)
        {
            Console.WriteLine(F($"coordinator_us_per_eval_2w_pop{large}: {twoLarge.CoordinatorUs:F1}"));
            Console.WriteLine(F($"dispatch_evals_s_2w_pop{large}: {twoLarge.EvalsPerSecond:F1}"));
        }
        Console.WriteLine(F($"coordinator_us_per_eval: {two.CoordinatorUs:F1}"));
        return 0;
    }

    private sealed record Figures(double EvalsPerSecond, double CoordinatorUs);

    private static Figures Measure(int workers, int evaluations, int warmup, int population, StoreOptions? store, int prefetch)
    {
        int port = FreePort();
        string dir = Path.Combine(Path.GetTempPath(), "bench-dispatch", $"{workers}w-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var watch = new Watch(warmup, evaluations);
        var children = new List<Process>();
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            var options = new RunOptions { RunDirectory = dir, Workers = 0, Store = store, Node = new NodeOptions { Port = port } };
            var run = SearchRunner.SubmitToCluster(Space(evaluations, population), [$"127.0.0.1:{port}"], options, watch, limit.Token);
            for (int i = 0; i < workers; i++) children.Add(StartWorker(port, prefetch));
            var result = run.GetAwaiter().GetResult();
            if (!result.Completed || watch.End is null) throw new InvalidOperationException($"run with {workers} worker(s) did not complete ({result.Status.Done}/{evaluations})");
            var (t0, cpu0) = watch.Start!.Value;
            var (t1, cpu1) = watch.End.Value;
            double measured = evaluations - warmup;
            var figures = new Figures(measured / (t1 - t0).TotalSeconds, (cpu1 - cpu0).TotalMicroseconds / measured);
            Console.WriteLine(F($"  {workers} worker process(es), population {population}: {measured} evaluations in {(t1 - t0).TotalSeconds:F2} s -> {figures.EvalsPerSecond:F1} evals/s; coordinator process CPU {(cpu1 - cpu0).TotalMilliseconds:F0} ms -> {figures.CoordinatorUs:F1} us/eval; duplicates {result.Status.Duplicates}"));
            return figures;
        }
        finally
        {
            SelfProcess.KillAll(children);
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Marks wall clock and process CPU time when the warm-up count is reached and when the budget is done.</summary>
    private sealed class Watch(int warmup, int total) : IProgress<RunProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _lastPrinted;
        public (TimeSpan Wall, TimeSpan Cpu)? Start { get; private set; }
        public (TimeSpan Wall, TimeSpan Cpu)? End { get; private set; }

        public void Report(RunProgress p)
        {
            if (Start is null && p.Done >= warmup) Start = Now();
            if (End is null && p.Done >= total) End = Now();
            if (p.Done - _lastPrinted >= 500) { _lastPrinted = p.Done; Console.WriteLine($"    {p.Done}/{p.Total} done, {p.Workers} workers, {_clock.Elapsed.TotalSeconds:F1} s"); }
        }

        private (TimeSpan, TimeSpan) Now() => (_clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime);
    }

    private static int Worker(int port, int prefetch)
    {
        var node = new NodeOptions { SeedNodes = [$"127.0.0.1:{port}"], Roles = [NodeOptions.EvaluatorRole] };
        // Killed by the parent; the limit only bounds an orphan.
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        SearchRunner.JoinAsWorker(node, 1, _ => new NoOpEvaluator(), new WorkerSettings { Prefetch = prefetch }, limit.Token).GetAwaiter().GetResult();
        return 0;
    }

    private static Process StartWorker(int port, int prefetch) =>
        SelfProcess.Start(["dispatch", "--worker", port.ToString(CultureInfo.InvariantCulture), "--prefetch", prefetch.ToString(CultureInfo.InvariantCulture)], "worker");

    /// <summary>NSGA-II on a 4-dimensional real vector, two objectives (also the chaos benchmark's space).</summary>
    internal static SearchSpace Space(long evaluations, int population)
    {
        var family = new RealVectorFamily(new double[4], [1.0, 1.0, 1.0, 1.0]);
        return new SearchSpace
        {
            Name = "dispatch-bench",
            Source = "embedded:dispatch-bench",
            Family = family.Erase(),
            CreateStrategy = () => new Nsga2<IGenome>(new Nsga2Options(population)),
            StrategyName = "nsga2",
            Objectives = ObjectiveSet.Minimize("f1", "f2"),
            Engine = new EngineSettings(7, population, evaluations),
            Evaluation = new EvaluationPlan { Tasks = ["noop"], Objectives = ["f1", "f2"] },
            Seed = 7,
            Fingerprint = 0xD15,
        };
    }

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
