using Akka.Actor;
using Akka.Hosting;
using Cluster.Protocol;
using Cluster.Runs;
using Cluster.Spaces;
using Cluster.Workers;
using Evaluators.Candidates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cluster.Hosting;

/// <summary>
/// What the command line calls: start a run on a single-node cluster in this process, resume one
/// from its directory, join a cluster as a worker node,
/// or submit a run to a cluster (this process hosts the coordinator, remote nodes evaluate).
/// </summary>
public static class SearchRunner
{
    /// <exception cref="StoreUnavailableException">A PostgreSQL store that cannot be reached: nothing is written.</exception>
    public static async Task<RunResult> RunLocal(SearchSpace space, RunOptions options, IProgress<RunProgress>? progress, CancellationToken cancel)
    {
        if (options.Seed is { } seed) space = space with { Seed = seed, Engine = space.Engine with { Seed = seed } };
        var dir = new RunDirectory(options.RunDirectory ?? Path.Combine("runs", $"{space.Name}-{options.Clock.GetUtcNow():yyyyMMdd-HHmmss}"));
        if (options.Store is StoreOptions.PostgreSql postgres) await PostgreSqlConnection.EnsureReachable(postgres, cancel);
        var store = options.Store ?? new StoreOptions.Sqlite(dir.StoreFile);
        dir.Create(space, store.Describe(), options.Clock, (store as StoreOptions.PostgreSql)?.Redacted, RunStore.NewPersistenceId(store, dir.RunId));
        return await Run(dir, space, options with { Store = store }, progress, cancel);
    }

    /// <summary>
    /// Continues a run from its directory: the latest snapshot plus later results; proposals
    /// without a result are handed out again. <paramref name="space"/> must be the run's space
    /// (the CLI loads it from the run's space.yaml); a different one is refused by the engine.
    /// </summary>
    /// <remarks>The store is the one run.json names: options.Store must be of that kind (null: SQLite's file in the run directory;
    /// a PostgreSQL run needs its connection string there).</remarks>
    /// <exception cref="StoreUnavailableException">A store that is not the run's, or a PostgreSQL server that cannot be reached.</exception>
    public static async Task<RunResult> Resume(string runDirectory, SearchSpace space, RunOptions options, IProgress<RunProgress>? progress, CancellationToken cancel)
    {
        var run = RunRecord.Load(runDirectory);
        var info = run.Info;
        if (info.SpaceName != space.Name)
            throw new RunDirectoryException($"run {info.RunId} searched space '{info.SpaceName}', not '{space.Name}'");
        var store = RunStore.ForResume(run, options.Store);
        if (store is StoreOptions.PostgreSql postgres) await PostgreSqlConnection.EnsureReachable(postgres, cancel);
        space = space with { Seed = info.Seed, Engine = space.Engine with { Seed = info.Seed } };
        if (store is StoreOptions.Sqlite sqlite) SqliteStoreCheck.Verify(sqlite.Path, run.Status?.Done ?? 0);
        return await Run(run.Directory, space, options with { RunDirectory = run.Directory.Path, Store = store }, progress, cancel);
    }

    /// <summary>
    /// Runs evaluator slots on this node for whatever run the cluster's coordinator serves, until
    /// cancelled. When the coordinator is gone for <see cref="WorkerSettings.RejoinAfter"/> (killed,
    /// restarted by `search resume`), the node starts afresh and joins the seed nodes again.
    /// </summary>
    public static async Task JoinAsWorker(NodeOptions node, int workers, Func<int, ICandidateEvaluator> evaluator, WorkerSettings settings, CancellationToken cancel,
        Action<string>? log = null)
    {
        // The singleton lives on the oldest coordinator-role node; one without the run's space would never start it.
        if (node.Roles.Contains(NodeOptions.CoordinatorRole))
            throw new ArgumentException("a worker node cannot take the coordinator role: the coordinator runs where the run was submitted", nameof(node));
        var role = new NodeRole(null, null, new(), new StoreOptions.InMemory(), null, workers, evaluator, settings);
        while (!cancel.IsCancellationRequested)
        {
            using var host = SearchNode.Build(node, role);
            await host.StartAsync(cancel);
            var orphaned = CoordinatorWatch.Orphaned(host.Services.GetRequiredService<ActorSystem>(), settings.RejoinAfter);
            try
            {
                await orphaned.WaitAsync(cancel);
                string where = node.Discovery is null ? string.Join(", ", node.SeedNodes) : "through discovery";
                log?.Invoke($"no coordinator in this cluster for {settings.RejoinAfter.TotalSeconds:0} s: joining {where} again");
            }
            catch (OperationCanceledException) { }
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Starts a run whose coordinator lives in this process and joins the cluster at <paramref name="seedNodes"/>; remote evaluator nodes do the work (plus options.Workers local slots).</summary>
    /// <remarks>With options.Node.Discovery set, <paramref name="seedNodes"/> may be empty: the cluster is found through discovery.</remarks>
    public static Task<RunResult> SubmitToCluster(SearchSpace space, string[] seedNodes, RunOptions options, IProgress<RunProgress>? progress, CancellationToken cancel) =>
        RunLocal(space, options with { Node = AsCoordinator(options.Node, options.Workers, seedNodes) }, progress, cancel);

    /// <summary>The node that hosts a run's coordinator in a cluster: the coordinator role (plus evaluator when it has slots of its own).</summary>
    public static NodeOptions AsCoordinator(NodeOptions node, int workers, string[] seedNodes)
    {
        string[] roles = workers > 0 ? [NodeOptions.CoordinatorRole, NodeOptions.EvaluatorRole] : [NodeOptions.CoordinatorRole];
        return node with { SeedNodes = seedNodes, Roles = roles };
    }

    private static async Task<RunResult> Run(RunDirectory dir, SearchSpace space, RunOptions options, IProgress<RunProgress>? progress, CancellationToken cancel)
    {
        var store = options.Store ?? new StoreOptions.Sqlite(dir.StoreFile);
        var record = RunRecord.Load(dir.Path);
        var lastWrite = DateTimeOffset.MinValue;
        // The coordinator's reports and the final write below come from different threads and share status.json.tmp.
        var statusLock = new object();
        void OnStatus(StatusReport s)
        {
            var now = options.Clock.GetUtcNow();
            if (!s.IsDone && now - lastWrite < options.StatusInterval) return;
            lastWrite = now;
            lock (statusLock) dir.WriteStatus(s);
        }
        int workers = options.Node.Roles.Contains(NodeOptions.EvaluatorRole) ? options.Workers : 0;
        // history.jsonl: every applied evaluation, appended by the coordinator as it applies them (see RunHistory).
        var info = record.Info;
        var started = info.StartedUtc;
        using var history = new RunHistoryWriter(dir, started, options.Clock);
        void OnApplied(IReadOnlyList<Search.Engine.ArchiveEntry> entries) => history.AppendAll(entries);
        // The run's identity (its journal's persistence id) is the id run.json recorded, so a run directory
        // that was moved or renamed resumes its own journal instead of starting afresh under a new name.
        var role = new NodeRole(space, info.RunId, options.Coordinator, store, OnStatus, workers, options.Evaluator, options.Worker, OnApplied, RunStore.PersistenceId(record));

        using var host = SearchNode.Build(options.Node, role);
        await host.StartAsync(cancel);
        try
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            var coordinator = await ActorRegistry.For(system).GetAsync<CoordinatorKey>(cancel);
            var done = new TaskCompletionSource<StatusReport>(TaskCreationOptions.RunContinuationsAsynchronously);
            system.ActorOf(Props.Create(() => new ProgressListener(coordinator, progress, space.Objectives, space.WallTime, done, options.Clock, options.Drain,
                options.Coordinator.NoWorkerNotice, space.Engine.MaxEvaluations)), "progress");
            bool completed;
            StatusReport final;
            try
            {
                final = await done.Task.WaitAsync(cancel);
                completed = true;
            }
            catch (Exception e) when (e is not (OperationCanceledException or Search.State.IncompatibleStateException or Search.State.StateFileException))
            {
                // The coordinator could not recover (an unreadable snapshot or journal event): stop before anything is written.
                // (A snapshot of another search is the user's mistake, not damage: it keeps its own message.)
                throw new RunDirectoryException($"{StoreName(store)}: the run's stored state cannot be read ({e.Message}); restore it from a copy");
            }
            catch (OperationCanceledException)
            {
                completed = false;
                try { final = await coordinator.Ask<StatusReport>(GetStatus.Instance, TimeSpan.FromSeconds(10)); }
                catch (AskTimeoutException)
                {
                    // Stopped before any coordinator answered (this node never joined its cluster): nothing was evaluated here.
                    return new RunResult(dir.Path, info.RunId, record.Status ?? NothingYet(info.RunId, space), false);
                }
            }
            lock (statusLock) dir.WriteStatus(final);
            return new RunResult(dir.Path, info.RunId, final, completed);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            if (store is StoreOptions.Sqlite sqlite) SqliteJournalFile.Checkpoint(sqlite.Path);
        }
    }

    private static string StoreName(StoreOptions store) => store switch
    {
        StoreOptions.Sqlite s => s.Path,
        StoreOptions.PostgreSql => "the run's PostgreSQL store",
        _ => "the in-memory store",
    };

    private static StatusReport NothingYet(string runId, SearchSpace space) =>
        new(runId, 0, space.Engine.MaxEvaluations, 0, 0, 0, new(), [], 0, 0, false, 0, 0);
}
