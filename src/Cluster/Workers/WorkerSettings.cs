namespace Cluster.Workers;

/// <summary>How patient an evaluator slot is with the coordinator (its device is the evaluator's own).</summary>
public sealed record WorkerSettings
{
    /// <summary>A result not acknowledged by then is sent again (the coordinator ignores repeats).</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>How long an equivalence-cache question may take before it counts as a miss.</summary>
    public TimeSpan LookupTimeout { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Retry interval when the coordinator does not answer a request for work at all.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>
    /// Jobs a slot holds at once (running plus queued): it asks for more when half are done. 1 (one
    /// job at a time) balances slow evaluations best; more hides the round trips of fast ones.
    /// </summary>
    public int Prefetch { get; init; } = 1;
    /// <summary>
    /// Up to this many queued jobs of one run are evaluated together when the evaluator can
    /// (<see cref="Evaluators.Candidates.IBatchCandidateEvaluator"/>): each passes its rejection stages alone,
    /// then the alike ones train as one batched run (MLP tasks). 1 (the default) evaluates one at a time.
    /// Batches are as large as the queue allows, so give a <see cref="Prefetch"/> of at least this (see <see cref="WithBatching"/>).
    /// </summary>
    public int BatchCandidates { get; init; } = 1;
    /// <summary>
    /// A finished result waits up to this long for the results of the slot's next jobs, so that fast
    /// evaluations go back (and are stored) together instead of one write each; a slot with nothing
    /// left to run, or with half its <see cref="Prefetch"/> in results waiting, sends at once.
    /// </summary>
    public TimeSpan ResultLinger { get; init; } = TimeSpan.FromMilliseconds(10);
    /// <summary>A worker node in a cluster with no reachable coordinator this long starts afresh and joins the seed nodes again.</summary>
    public TimeSpan RejoinAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Batches of up to <paramref name="candidates"/> jobs, with a credit of twice that (one batch running, one queued); 1 leaves the settings as they are.</summary>
    public WorkerSettings WithBatching(int candidates) =>
        candidates <= 1 ? this : this with { BatchCandidates = candidates, Prefetch = Math.Max(Prefetch, 2 * candidates) };
}
