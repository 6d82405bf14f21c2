using System.Globalization;
using Cluster.Hosting;
using Cluster.Protocol;
using Cluster.Spaces;
using Cluster.Workers;

namespace Bench.Chaos;

/// <summary>
/// The child processes of `bench -- chaos`: the coordinator (`--coordinator DIR PORT run|resume`, the
/// run's seed node on 127.0.0.1:PORT, no evaluator slot, SQLite store in DIR) and the workers
/// (`--worker PORT LOG`, one slot joining 127.0.0.1:PORT, rejoining after a coordinator restart).
/// </summary>
internal static class ChaosRoles
{
    public const string FinalName = "final.txt";

    public static SearchSpace Space(long budget) => DispatchBenchmark.Space(budget, population: 16);

    public static int Coordinator(string dir, int port, bool resume, long budget)
    {
        var space = Space(budget);
        var options = new RunOptions
        {
            RunDirectory = dir, Workers = 0,
            Node = new NodeOptions { Port = port, SeedNodes = [$"127.0.0.1:{port}"], Roles = [NodeOptions.CoordinatorRole] },
            Coordinator = new() { SnapshotEvery = 25 },
        };
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var result = (resume
            ? SearchRunner.Resume(dir, space, options, null, limit.Token)
            : SearchRunner.SubmitToCluster(space, [$"127.0.0.1:{port}"], options, null, limit.Token)).GetAwaiter().GetResult();
        if (!result.Completed) return 1;
        File.WriteAllText(Path.Combine(dir, FinalName), Describe(result.Status));
        return 0;
    }

    public static int Worker(int port, string log)
    {
        var node = new NodeOptions { SeedNodes = [$"127.0.0.1:{port}"], Roles = [NodeOptions.EvaluatorRole] };
        // Killed by the driver; the limit only bounds an orphan.
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(25));
        SearchRunner.JoinAsWorker(node, 1, _ => new ChaosEvaluator(log), new WorkerSettings(), limit.Token, Console.WriteLine).GetAwaiter().GetResult();
        return 0;
    }

    /// <summary>What an undisturbed run must reproduce: counts, and the front's ids, genomes and objectives to the last bit.</summary>
    public static string Describe(StatusReport s) =>
        $"done {s.Done}/{s.Total} accepted {s.Accepted} rejected {s.Rejected} failed {s.Failed} poisoned {s.Poisoned}\n" +
        string.Join("\n", s.Front.OrderBy(f => f.Id).Select(f =>
            $"{f.Id} {f.Genome} {string.Join(",", f.Objectives.Select(o => o.ToString("R", CultureInfo.InvariantCulture)))}"));
}
