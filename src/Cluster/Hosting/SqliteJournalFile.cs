using System.Data.Common;
using LinqToDB;
using Microsoft.Data.Sqlite;

namespace Cluster.Hosting;

/// <summary>
/// How the coordinator opens a run's SQLite store. Write-ahead logging (set once in the file, it
/// stays) with synchronous=NORMAL (set on every connection): a commit appends to the log without
/// waiting for the disk, so a group of results is stored in a fraction of a millisecond instead of
/// several fsyncs. A killed process loses nothing committed (the log is in the OS's page cache and
/// the next open replays it); only a power loss or kernel crash can lose the last commits, the
/// same trade every WAL database with this setting makes. SEARCH_SQLITE_SYNCHRONOUS_FULL=1 in the
/// environment keeps an fsync per commit for machines that must survive that too.
/// </summary>
public static class SqliteJournalFile
{
    /// <summary>The environment variable that asks for an fsync on every commit.</summary>
    public const string FullSyncVariable = "SEARCH_SQLITE_SYNCHRONOUS_FULL";

    /// <summary>Creates the file if needed and turns on write-ahead logging.</summary>
    public static void Prepare(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL");
    }

    /// <summary>
    /// The journal's connections never checkpoint (fold the log into the file) themselves: a
    /// checkpoint after a multi-megabyte snapshot took 100+ ms, and the result write that happened to
    /// trigger it held up the whole search that long. The snapshot store's connections do it, right
    /// after the snapshot that grew the log (SQLite's default threshold of 1000 pages), and
    /// <see cref="Checkpoint"/> when the run stops.
    /// </summary>
    public static DataOptions JournalOptions(string path) => Options(path, EveryConnection() + "; PRAGMA wal_autocheckpoint=0");

    public static DataOptions SnapshotOptions(string path) => Options(path, EveryConnection());

    // busy_timeout: a connection that finds the other (journal or snapshot store) writing waits inside
    // SQLite, which retries within a millisecond or two; left to Microsoft.Data.Sqlite, it retried only
    // after a 150 ms sleep, and every snapshot cost the search that.
    private static string EveryConnection() =>
        (Environment.GetEnvironmentVariable(FullSyncVariable) == "1" ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL") + "; PRAGMA busy_timeout=30000";

    private static DataOptions Options(string path, string onOpen) =>
        new DataOptions()
            .UseConnectionString(ProviderName.SQLiteMS, ConnectionString(path))
            .UseAfterConnectionOpened(c => Execute(c, onOpen), async (c, cancel) =>
            {
                await using var command = c.CreateCommand();
                command.CommandText = onOpen;
                await command.ExecuteNonQueryAsync(cancel);
            });

    /// <summary>
    /// After the run's actor system stopped: closes the journal's pooled connections and folds the
    /// log into the file, so a finished or stopped run's store.db holds everything on its own (the
    /// log file goes away). A failure leaves the log in place, which the next open reads.
    /// </summary>
    public static void Checkpoint(string path)
    {
        if (!File.Exists(path)) return;
        try
        {
            using (var pooled = new SqliteConnection(ConnectionString(path))) SqliteConnection.ClearPool(pooled);
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            connection.Open();
            Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        }
        catch (SqliteException) { }
    }

    private static string ConnectionString(string path) => new SqliteConnectionStringBuilder { DataSource = path }.ToString();

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
