using Microsoft.Data.Sqlite;

namespace Cluster.Runs;

/// <summary>
/// Checks a run's SQLite store before a resume opens it for writing: a truncated or garbled file
/// would otherwise surface 30 s later as an Akka recovery time-out, or (missing) silently start the
/// run afresh. It opens the file for reading and writing without creating it: after a crash SQLite
/// must roll back the hot journal the killed process left, which a read-only handle cannot do.
/// </summary>
public static class SqliteStoreCheck
{
    /// <param name="results">Results the run's status says are stored (a missing store then loses them).</param>
    /// <exception cref="RunDirectoryException">The store is missing while results are recorded, or cannot be read; the message names the file.</exception>
    public static void Verify(string path, long results)
    {
        if (!File.Exists(path))
        {
            if (results > 0)
                throw new RunDirectoryException($"{path} is missing: it holds this run's {results} stored results; restore it (or start a new run)");
            return;
        }
        try
        {
            // Pooling off: a pooled handle would outlive the check and hold the file.
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA quick_check";
            if (check.ExecuteScalar() is not "ok" and var problem)
                throw new RunDirectoryException($"{path} is damaged (SQLite integrity check: {problem}); restore it from a copy");
            if (results > 0)
            {
                using var journal = connection.CreateCommand();
                journal.CommandText = "SELECT count(*) FROM journal";
                journal.ExecuteScalar();
            }
        }
        catch (SqliteException e)
        {
            throw new RunDirectoryException($"{path} is not a readable run store ({e.Message.TrimEnd('.')}); restore it from a copy");
        }
    }
}
