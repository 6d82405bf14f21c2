using System.Diagnostics;
using System.Globalization;
using Cluster.Hosting;
using Evaluators.Candidates.Fakes;
using Search.Core;

namespace Bench.Chaos;

/// <summary>
/// kill -9 at random (seeded) moments across a real multi-process run: a coordinator process (SQLite
/// store) and 3 worker processes on loopback. Workers are killed and replaced; the coordinator is
/// killed and resumed (`search resume` in effect) while the surviving workers notice and join it
/// again. The end must equal an undisturbed single-process run of the same space: counts, and the
/// front to the last bit. Options: --evaluations N (default 600), --seed S (2026),
/// --coordinator-kills K (5), --worker-kills K (10).
/// </summary>
public sealed class ChaosBenchmark : IBenchmark
{
    private const int Workers = 3;

    public string Name => "chaos";
    public string Description => "kill -9 workers and the coordinator of a 4-process run at random moments; compare with an undisturbed run";

    public int Run(string[] args)
    {
        int c = Array.IndexOf(args, "--coordinator");
        if (c >= 0) return ChaosRoles.Coordinator(args[c + 1], int.Parse(args[c + 2], CultureInfo.InvariantCulture), args[c + 3] == "resume", Args.Int(args, "--evaluations", 600));
        int w = Array.IndexOf(args, "--worker");
        if (w >= 0) return ChaosRoles.Worker(int.Parse(args[w + 1], CultureInfo.InvariantCulture), args[w + 2]);

        int budget = Args.Int(args, "--evaluations", 600);
        var rng = new Rng((ulong)Args.Int(args, "--seed", 2026));
        int coordinatorKills = Args.Int(args, "--coordinator-kills", 5), workerKills = Args.Int(args, "--worker-kills", 10);
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"chaos: {budget} evaluations, 1 coordinator + {Workers} worker processes, {coordinatorKills} coordinator and {workerKills} worker kills (kill -9)");

        string reference = Reference(budget);
        Console.WriteLine($"  undisturbed run done ({clock.Elapsed.TotalSeconds:F0} s)");

        string root = Path.Combine(Path.GetTempPath(), "bench-chaos", $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        string dir = Path.Combine(root, "run"), log = Path.Combine(root, "evaluations.log");
        Directory.CreateDirectory(root);
        int port = DispatchBenchmark.FreePort();
        using var processes = new ChildProcesses(budget);
        var coordinator = processes.Start("--coordinator", dir, port.ToString(CultureInfo.InvariantCulture), "run");
        var workers = Enumerable.Range(0, Workers).Select(_ => processes.Start("--worker", port.ToString(CultureInfo.InvariantCulture), log)).ToArray();

        // The kills in a seeded order; each after a seeded number of further evaluations plus a few ms.
        var plan = Enumerable.Repeat(true, coordinatorKills).Concat(Enumerable.Repeat(false, workerKills)).OrderBy(_ => rng.NextULong()).ToArray();
        int kills = 0, killedCoordinator = 0, killedWorkers = 0;
        string final = Path.Combine(dir, ChaosRoles.FinalName);
        foreach (bool killCoordinator in plan)
        {
            int target = ChaosLog.Lines(log) + rng.NextInt(10, 40);
            if (!Wait(() => ChaosLog.Lines(log) >= target || File.Exists(final), TimeSpan.FromMinutes(2)))
                throw new TimeoutException($"no progress for 2 minutes ({ChaosLog.Lines(log)} evaluations logged)");
            Thread.Sleep(rng.NextInt(0, 100));
            if (File.Exists(final)) break;
            if (killCoordinator)
            {
                SelfProcess.Kill(coordinator);
                coordinator = processes.Start("--coordinator", dir, port.ToString(CultureInfo.InvariantCulture), "resume");
                killedCoordinator++;
            }
            else
            {
                int victim = rng.NextInt(Workers);
                SelfProcess.Kill(workers[victim]);
                workers[victim] = processes.Start("--worker", port.ToString(CultureInfo.InvariantCulture), log);
                killedWorkers++;
            }
            kills++;
            Console.WriteLine($"  [{clock.Elapsed.TotalSeconds,5:F0} s] kill {kills}: {(killCoordinator ? "coordinator (resumed)" : "a worker (replaced)")}, {ChaosLog.Lines(log)} evaluations logged");
        }

        Console.WriteLine($"  waiting for the run to finish ({ChaosLog.Lines(log)} evaluations logged)");
        if (!Wait(() => coordinator.HasExited, TimeSpan.FromMinutes(10))) throw new TimeoutException("the run did not finish within 10 minutes of the last kill");
        if (!File.Exists(final)) throw new InvalidOperationException($"the coordinator ended with exit code {coordinator.ExitCode} and no result");
        string disturbed = File.ReadAllText(final);
        long evaluated = long.Parse(disturbed.Split(' ')[1].Split('/')[0], CultureInfo.InvariantCulture);
        bool identical = disturbed == reference;
        if (!identical) Console.WriteLine($"  differs from the undisturbed run:\n--- undisturbed\n{reference}\n--- disturbed\n{disturbed}");
        Console.WriteLine($"  {ChaosLog.Lines(log)} evaluations done for a budget of {budget} (the rest was lost with killed processes); {clock.Elapsed.TotalSeconds:F0} s in all");
        Console.WriteLine($"chaos_coordinator_kills: {killedCoordinator}");
        Console.WriteLine($"chaos_worker_kills: {killedWorkers}");
        Console.WriteLine($"chaos_evaluations_done: {ChaosLog.Lines(log)}");
        Console.WriteLine($"chaos_seconds: {clock.Elapsed.TotalSeconds:F0}");
        Console.WriteLine($"chaos_kills: {kills}");
        Console.WriteLine($"chaos_evaluated: {evaluated}");
        Console.WriteLine($"chaos_identical: {(identical ? 1 : 0)}");
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        return identical && evaluated == budget && killedCoordinator >= coordinatorKills && killedWorkers >= workerKills ? 0 : 1;
    }

    /// <summary>The same space in one process, one slot, in-memory store, nothing killed.</summary>
    private static string Reference(int budget)
    {
        var options = new RunOptions
        {
            RunDirectory = Path.Combine(Path.GetTempPath(), "bench-chaos", $"reference-{Environment.ProcessId}-{Guid.NewGuid():N}"),
            Workers = 1, Evaluator = _ => new NoOpEvaluator(), Store = new StoreOptions.InMemory(),
        };
        var result = SearchRunner.RunLocal(ChaosRoles.Space(budget), options, null, CancellationToken.None).GetAwaiter().GetResult();
        try { Directory.Delete(options.RunDirectory, recursive: true); } catch (IOException) { }
        return ChaosRoles.Describe(result.Status);
    }

    private static bool Wait(Func<bool> condition, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > limit) return false;
            Thread.Sleep(20);
        }
        return true;
    }
}
