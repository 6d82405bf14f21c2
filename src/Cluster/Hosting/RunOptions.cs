using Cluster.Coordinator;
using Cluster.Workers;
using Evaluators.Candidates;

namespace Cluster.Hosting;

/// <summary>Run settings (apart from the search space): where, how many workers, which store.</summary>
public sealed record RunOptions
{
    /// <summary>The run directory; default runs/&lt;space&gt;-&lt;UTC time&gt;. Its name is the run id.</summary>
    public string? RunDirectory { get; init; }
    public int Workers { get; init; } = 1;
    /// <summary>Overrides the space's seed.</summary>
    public ulong? Seed { get; init; }
    /// <summary>Evaluator per worker slot. Required until the real CandidateEvaluator is wired in as the default.</summary>
    public Func<int, ICandidateEvaluator>? Evaluator { get; init; }
    public CoordinatorSettings Coordinator { get; init; } = new();
    public WorkerSettings Worker { get; init; } = new();
    /// <summary>Null: SQLite in the run directory.</summary>
    public StoreOptions? Store { get; init; }
    public NodeOptions Node { get; init; } = new();
    /// <summary>Least time between two status.json rewrites.</summary>
    public TimeSpan StatusInterval { get; init; } = TimeSpan.FromMilliseconds(250);
    /// <summary>After an early stop (the wall-time limit), how long to wait for jobs in flight before ending; zero ends at once.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromMinutes(5);
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
