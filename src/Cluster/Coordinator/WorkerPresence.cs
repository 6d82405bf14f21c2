namespace Cluster.Coordinator;

/// <summary>
/// Notices a run that cannot progress: not done, and no evaluator slot registered with the
/// coordinator for <see cref="CoordinatorSettings.NoWorkerNotice"/>. The notice text goes into the
/// status (status.json, `search status`) and the console progress; it clears when a slot arrives.
/// </summary>
public sealed class WorkerPresence(TimeSpan after, TimeProvider clock)
{
    private DateTimeOffset? _noneSince = clock.GetUtcNow();

    /// <summary>The notice to show now, or null.</summary>
    public string? Notice { get; private set; }

    /// <summary>Call whenever the number of registered slots changes; true when the notice changed.</summary>
    public bool Workers(int count)
    {
        if (count > 0) _noneSince = null;
        else _noneSince ??= clock.GetUtcNow();
        return Check(isDone: false);
    }

    /// <summary>Call periodically; true when the notice changed (so the caller publishes a status).</summary>
    public bool Check(bool isDone)
    {
        string? notice = null;
        if (!isDone && _noneSince is { } since && clock.GetUtcNow() - since >= after)
            notice = $"no progress: no evaluator slot has been connected for {Describe(clock.GetUtcNow() - since)}; " +
                     "start one with `search node --seed-nodes HOST:PORT` (or run with --workers 1 or more)";
        // The text counts whole minutes, so a status is republished once a minute, not on every check.
        if (notice == Notice) return false;
        Notice = notice;
        return true;
    }

    private static string Describe(TimeSpan t) =>
        t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes} min" : $"{(int)Math.Max(1, t.TotalSeconds)} s";
}
