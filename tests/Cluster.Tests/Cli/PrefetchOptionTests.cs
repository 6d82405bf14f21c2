using Cluster.Cli;

namespace Cluster.Tests.Cli;

/// <summary>--prefetch sets how many jobs a slot holds; --batch-candidates raises it to twice the batch when that is more.</summary>
public sealed class PrefetchOptionTests
{
    private static global::Cluster.Workers.WorkerSettings Settings(params string[] args)
    {
        var command = new System.CommandLine.RootCommand();
        var slots = SlotOptions.AddTo(command);
        var parsed = command.Parse(args);
        Assert.Empty(parsed.Errors);
        return slots.Settings(parsed);
    }

    [Theory]
    [InlineData(new string[0], 1, 1)]
    [InlineData(new[] { "--prefetch", "32" }, 32, 1)]
    [InlineData(new[] { "--batch-candidates", "8" }, 16, 8)]
    [InlineData(new[] { "--prefetch", "64", "--batch-candidates", "8" }, 64, 8)]
    public void Prefetch_and_batching_make_the_slot_settings(string[] args, int prefetch, int batch)
    {
        var s = Settings(args);
        Assert.Equal((prefetch, batch), (s.Prefetch, s.BatchCandidates));
    }
}
