namespace Cluster.Coordinator;

/// <summary>How the coordinator treats jobs: how long a worker may hold one, when a proposal counts as poison, how often to snapshot.</summary>
public sealed record CoordinatorSettings
{
    /// <summary>A job not reported by then is handed to someone else (counts a strike).</summary>
    public TimeSpan JobTimeout { get; init; } = TimeSpan.FromMinutes(30);
    /// <summary>Lost jobs (dead/unreachable worker, crash, deadline) after which a proposal is recorded as Failed "poison".</summary>
    public int PoisonStrikes { get; init; } = 2;
    /// <summary>Engine snapshot every this many stored results (at least; see <see cref="SnapshotFraction"/>).</summary>
    public int SnapshotEvery { get; init; } = 50;
    /// <summary>
    /// A snapshot holds the whole archive, so in a long run snapshots are spaced by at least this
    /// fraction of the results applied so far: their cost per result stays constant instead of
    /// growing with the run, and a recovery replays at most that fraction of the journal.
    /// </summary>
    public double SnapshotFraction { get; init; } = 0.1;
    /// <summary>What NoWorkYet tells a worker to wait.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromMilliseconds(100);
    /// <summary>How often deadlines are checked.</summary>
    public TimeSpan DeadlineCheck { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>
    /// Least time between two status reports while results arrive (each one builds the front and
    /// hands new evaluations to the history); the last one of a run is never held back.
    /// </summary>
    public TimeSpan PublishInterval { get; init; } = TimeSpan.FromMilliseconds(100);
    /// <summary>A run with no evaluator slot connected this long says so (status and console).</summary>
    public TimeSpan NoWorkerNotice { get; init; } = TimeSpan.FromMinutes(1);

    public void Validate()
    {
        if (JobTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(JobTimeout), "must be positive");
        if (PoisonStrikes < 1) throw new ArgumentOutOfRangeException(nameof(PoisonStrikes), "must be at least 1");
        if (NoWorkerNotice <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(NoWorkerNotice), "must be positive");
        if (SnapshotFraction is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(SnapshotFraction), "must be between 0 and 1");
        if (SnapshotEvery < 1) throw new ArgumentOutOfRangeException(nameof(SnapshotEvery), "must be at least 1");
    }
}
