using System.CommandLine;

namespace Cluster.Cli;

/// <summary>Options shared by the commands that train or run: device, threads, workers, port, drain, data directory.</summary>
public static class CommonOptions
{
    public static Option<string> Device() => new("--device")
    {
        Description = "cpu, cuda, cuda:N or auto (CUDA when available)",
        DefaultValueFactory = _ => "cpu",
    };

    /// <param name="fallback">0 for one-off trainings (all cores); 1 where results must not depend on the
    /// machine: searches, nodes, confirm and validate run one evaluator per core with one thread each.</param>
    public static Option<int> Threads(int fallback = 0) => new Option<int>("--threads")
    {
        Description = fallback == 1
            ? "torch intra-op threads per evaluator slot (default 1: results do not depend on the machine's cores; 0 = the cores shared among the slots)"
            : "torch intra-op threads (0 = one per core)",
        DefaultValueFactory = _ => fallback,
    }.AtLeast(0);

    /// <summary>Evaluator slots on this process: by default one per core (each with one thread, see <see cref="Threads"/>).</summary>
    /// <param name="min">1 where this process must evaluate; 0 where others may (a run submitted to a cluster).</param>
    public static Option<int> Workers(int min = 1) => new Option<int>("--workers")
    {
        Description = $"evaluator slots on this node (default: one per core, here {Environment.ProcessorCount})",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    }.AtLeast(min);

    /// <summary>A TCP port: 0 (any free one) to 65535.</summary>
    public static Option<int> Port(string description, int fallback) => new Option<int>("--port")
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
    }.Within(0, 65535);

    /// <summary>Seconds a run stopped by its wall-time limit waits for the evaluations in flight (their results are kept).</summary>
    public static Option<int> Drain() => new Option<int>("--drain")
    {
        Description = "after the wall-time limit, seconds to wait for evaluations in flight before ending (default 300; 0: end at once)",
        DefaultValueFactory = _ => 300,
    }.AtLeast(0);

    public static Option<string?> Data() => new("--data")
    {
        Description = "directory with the dataset's files (IDX or CIFAR-10 binary); default: the system's or the user cache",
    };
}
