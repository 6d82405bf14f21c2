using Cluster.Coordinator;
using Cluster.Runs;

namespace Cluster.Hosting;

/// <summary>
/// Which store a run keeps its journal in and under which persistence id: chosen when the run starts,
/// read back from run.json when it resumes, so a resumed run never starts over in an empty store.
/// </summary>
internal static class RunStore
{
    /// <summary>
    /// A PostgreSQL database is shared by many runs, and run ids (directory names) repeat across machines
    /// and folders: a random suffix keeps each run's journal its own. SQLite's file is the run's alone.
    /// </summary>
    public static string? NewPersistenceId(StoreOptions? store, string runId) =>
        store is StoreOptions.PostgreSql ? $"{CoordinatorActor.PersistenceIdOf(runId)}-{Guid.NewGuid():N}" : null;

    public static string PersistenceId(RunRecord run) => run.Info.PersistenceId ?? CoordinatorActor.PersistenceIdOf(run.Info.RunId);

    /// <summary>The store to resume <paramref name="run"/> from: the one run.json names (null <paramref name="given"/>: SQLite's file in the run directory).</summary>
    /// <exception cref="StoreUnavailableException"><paramref name="given"/> is not the kind of store the run keeps its journal in.</exception>
    public static StoreOptions ForResume(RunRecord run, StoreOptions? given)
    {
        if (run.Info.StoreKind == StoreOptions.PostgreSqlKind)
            return given as StoreOptions.PostgreSql ?? throw new StoreUnavailableException(
                $"run {run.Info.RunId} keeps its journal in PostgreSQL ('{run.Info.StoreConnection}'); give that database's connection string");
        if (given is StoreOptions.PostgreSql)
            throw new StoreUnavailableException($"run {run.Info.RunId} keeps its journal in {run.Info.Store}, not in PostgreSQL");
        return given ?? new StoreOptions.Sqlite(run.Directory.StoreFile);
    }
}
