namespace Cluster.Dashboard;

/// <summary>
/// One background loop, shared by every client, that polls the modification time and length of the
/// runs' files (<see cref="RunFiles.WatchedNames"/>) and bumps <see cref="Version"/> when any of them
/// changes, appears or disappears. Polling, not file-system events: it sees runs on network mounts and
/// files replaced by rename alike.
/// </summary>
public sealed class RunWatcher : IAsyncDisposable
{
    private readonly string[] files;
    private readonly TimeSpan interval;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long version;

    public RunWatcher(IEnumerable<string> runDirectories, TimeSpan interval)
    {
        files = runDirectories.SelectMany(d => RunFiles.WatchedNames.Select(n => Path.Combine(d, n))).ToArray();
        this.interval = interval;
        var last = Snapshot();
        loop = Task.Run(() => Poll(last, stop.Token));
    }

    /// <summary>How many changes have been seen since the start.</summary>
    public long Version => Interlocked.Read(ref version);

    /// <summary>Completes at the next change (take it before reading <see cref="Version"/> to miss none).</summary>
    public Task Changed => Volatile.Read(ref changed).Task;

    private async Task Poll((long Ticks, long Length)[] last, CancellationToken cancel)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancel))
            {
                var now = Snapshot();
                if (now.AsSpan().SequenceEqual(last)) continue;
                last = now;
                Interlocked.Increment(ref version);
                Interlocked.Exchange(ref changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
        catch (OperationCanceledException) { }
    }

    private (long Ticks, long Length)[] Snapshot() => files.Select(Stamp).ToArray();

    private static (long, long) Stamp(string file)
    {
        try
        {
            var info = new FileInfo(file);
            return info.Exists ? (info.LastWriteTimeUtc.Ticks, info.Length) : (-1, -1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return (-2, -2); }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}
