using System.Text.Json.Serialization;

namespace Cluster.Runs;

/// <summary>
/// What run.json records about a run: where its space came from, its seed, when it started, and where
/// its journal lives. Store: "sqlite:store.db", "postgresql" or "in-memory" (a file without it is an
/// old SQLite run). StoreConnection: the PostgreSQL connection string without its password.
/// PersistenceId: the run's journal key in a shared store (null: "search-run-" + the run id).
/// </summary>
public sealed record RunInfo(
    string RunId,
    string SpaceName,
    string SpaceSource,
    string? SpaceCopy,
    ulong Seed,
    DateTimeOffset StartedUtc,
    string Family,
    string Strategy,
    long MaxEvaluations,
    string Store = "sqlite:store.db",
    string? StoreConnection = null,
    string? PersistenceId = null)
{
    /// <summary>"sqlite", "postgresql" or "in-memory": <see cref="Store"/> without the file name.</summary>
    [JsonIgnore]
    public string StoreKind => Store.Split(':', 2)[0];
}
