using System.Text.Json;
using Cluster.Cli;
using Cluster.Hosting;
using Cluster.Spaces;
using Cluster.Tests.Support;

namespace Cluster.Tests.Runs;

/// <summary>
/// The default space's search, really trained (Fashion-MNIST, the multi-fidelity rungs, unit gain),
/// twice with one torch thread per evaluator and different worker counts: the fronts, rung tables and
/// counts must be identical byte for byte. The budget is cut to keep the test short; everything
/// else is the embedded default space. What the result may still depend on across machines (the
/// kernel pinning, one thread per evaluator) is in the README.
/// </summary>
[Collection("akka-runs")]
public sealed class DefaultSearchReproducibilityTests
{
    [Fact]
    public async Task The_default_search_gives_the_same_front_byte_for_byte_whatever_the_number_of_workers()
    {
        var space = SearchSpaceFile.LoadEmbedded();
        space = space with { Engine = space.Engine with { MaxEvaluations = 16 }, WallTime = null };

        string two = await Describe(space, workers: 2);
        string one = await Describe(space, workers: 1);

        Assert.Equal(two, one);
        Assert.Contains("\"Rung\":1", two); // the budget reaches the first promotions
    }

    private static async Task<string> Describe(SearchSpace space, int workers)
    {
        var options = new RunOptions
        {
            RunDirectory = TestRuns.TempDir("reproducible"),
            Workers = workers,
            Evaluator = SearchCommands.Slots(SearchComposition.Default, workers, "cpu", null, threads: 1),
            Store = new StoreOptions.InMemory(),
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var result = await SearchRunner.RunLocal(space, options, null, timeout.Token);
        Assert.True(result.Completed, "the run did not complete");
        var s = result.Status;
        return $"{s.Done} {s.Accepted} {s.Rejected} {s.Failed}\n{JsonSerializer.Serialize(s.Rungs)}\n" +
               JsonSerializer.Serialize(s.Front.OrderBy(f => f.Id).Select(f => new { f.Id, f.Rung, f.Genome, f.Objectives, f.Learned }));
    }
}
