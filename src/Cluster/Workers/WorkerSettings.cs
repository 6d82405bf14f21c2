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
    /// <summary>A worker node in a cluster with no reachable coordinator this long starts afresh and joins the seed nodes again.</summary>
    public TimeSpan RejoinAfter { get; init; } = TimeSpan.FromSeconds(10);
}
