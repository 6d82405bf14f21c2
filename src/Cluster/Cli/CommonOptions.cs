using System.CommandLine;

namespace Cluster.Cli;

/// <summary>Options shared by the commands that train: device, threads, data directory.</summary>
public static class CommonOptions
{
    public static Option<string> Device() => new("--device")
    {
        Description = "cpu, cuda, cuda:N or auto (CUDA when available)",
        DefaultValueFactory = _ => "cpu",
    };

    public static Option<int> Threads() => new("--threads")
    {
        Description = "torch intra-op threads (0 = one per core)",
        DefaultValueFactory = _ => 0,
    };

    public static Option<string?> Data() => new("--data")
    {
        Description = "directory with the dataset's files (IDX or CIFAR-10 binary); default: the system's or the user cache",
    };
}
