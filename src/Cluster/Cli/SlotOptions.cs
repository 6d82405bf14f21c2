using System.CommandLine;
using Cluster.Workers;

namespace Cluster.Cli;

/// <summary>`--prefetch N --batch-candidates K` on every command that runs evaluator slots (run, resume, node).</summary>
internal sealed class SlotOptions
{
    private readonly Option<int> _prefetch = new Option<int>("--prefetch")
    {
        Description = "jobs each evaluator slot holds at once (queued, running or not yet stored); 1 (default) suits evaluations " +
                      "of seconds or more, 16-64 lets fast ones (KAN fits, small proxies) go in batches without a round trip each",
        DefaultValueFactory = _ => 1,
    }.AtLeast(1);

    private readonly Option<int> _batch = new Option<int>("--batch-candidates")
    {
        Description = "train up to K alike candidates of one run together in each evaluator slot (stacked MLPs, same results; " +
                      "worth it on a GPU, see deploy/gpu/README.md); 1 (default) = one at a time",
        DefaultValueFactory = _ => 1,
    }.AtLeast(1);

    public static SlotOptions AddTo(Command command)
    {
        var slots = new SlotOptions();
        command.Options.Add(slots._batch);
        command.Options.Add(slots._prefetch);
        return slots;
    }

    /// <summary>The slot settings the options ask for: --batch-candidates raises the credit to twice the batch when that is more.</summary>
    public WorkerSettings Settings(ParseResult result) =>
        new WorkerSettings { Prefetch = result.GetValue(_prefetch) }.WithBatching(result.GetValue(_batch));
}
