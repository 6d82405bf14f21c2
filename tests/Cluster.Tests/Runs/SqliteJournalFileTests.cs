using Cluster.Hosting;
using Cluster.Runs;
using Cluster.TestHost;
using Cluster.Tests.MultiProcess;
using Cluster.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Cluster.Tests.Runs;

/// <summary>
/// A run's SQLite store is written in write-ahead-log mode, and a run that ends leaves store.db
/// whole: the log folded into it and gone, every result in the journal once.
/// </summary>
public sealed class SqliteJournalFileTests
{
    private static string Pragma(string file, string pragma)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return Convert.ToString(command.ExecuteScalar())!;
    }

    [Fact]
    public async Task A_finished_run_leaves_a_whole_store_in_wal_mode_without_a_log_file()
    {
        var result = await TestRuns.Local("sqlite-wal", 2, slot => new FakeEvaluator(40 + (ulong)slot, 2));
        string store = Path.Combine(result.RunDirectory, RunDirectory.StoreName);
        Assert.Equal("wal", Pragma(store, "journal_mode"));
        Assert.False(File.Exists(store + "-wal") && new FileInfo(store + "-wal").Length > 0, "the write-ahead log was not folded into store.db when the run ended");

        var (results, _) = JournalReader.Read(store);
        Assert.Equal(Enumerable.Range(0, (int)TestRuns.Max).Select(i => (long)i), results.Select(r => r.ProposalId).Order());
        Assert.Equal(TestRuns.Describe((await TestRuns.Reference()).Status), TestRuns.Describe(result.Status));
    }

    [Fact]
    public void Prepare_creates_the_file_in_wal_mode_and_keeps_existing_contents()
    {
        string dir = TestRuns.TempDir("sqlite-prepare");
        Directory.CreateDirectory(dir);
        string file = Path.Combine(dir, "store.db");
        SqliteJournalFile.Prepare(file);
        Assert.Equal("wal", Pragma(file, "journal_mode"));
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t(x); INSERT INTO t VALUES (42);";
            command.ExecuteNonQuery();
        }
        SqliteJournalFile.Prepare(file);
        SqliteJournalFile.Checkpoint(file);
        Assert.Equal("42", Scalar(file, "SELECT sum(x) FROM t"));
    }

    private static string Scalar(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar())!;
    }
}
