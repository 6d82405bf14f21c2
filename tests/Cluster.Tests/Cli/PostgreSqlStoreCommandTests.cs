using Cluster.Cli;
using Cluster.Hosting;
using Cluster.Runs;
using Cluster.TestHost;
using Cluster.Tests.Support;
using Npgsql;

namespace Cluster.Tests.Cli;

/// <summary>
/// `run --store postgresql` and `resume` of such a run: run.json names the store without the password,
/// resume goes back to that database, and a missing, malformed or unreachable connection string ends in
/// one `error:` line, exit 2, and no run directory.
/// </summary>
[Collection("akka-runs")]
public sealed class PostgreSqlStoreCommandTests
{
    private const string Secret = "hunter2-not-logged";

    /// <summary>The search commands over the test space; each evaluation appends a line to <paramref name="log"/>.</summary>
    private static Task<int> Invoke(string log, params string[] args) => SearchCli.Invoke(new SearchComposition(
        _ => TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max), slot => new FakeEvaluator((ulong)slot.Slot, 2, log)), args);

    [PostgreSqlFact]
    public async Task Run_on_PostgreSQL_records_the_store_without_password_and_resume_goes_back_to_that_database()
    {
        await using var db = await TestDatabase.Create();
        string password = new NpgsqlConnectionStringBuilder(db.ConnectionString).Password!;
        string dir = TestRuns.TempDir("cli-postgres");
        string log = dir + ".log";

        var (code, stderr) = await WithEnvironment(db.ConnectionString, () => Invoke(log, "run", "--workers", "2", "--out", dir, "--store", "postgresql"));
        Assert.True(code == 0, stderr);
        var run = RunRecord.Load(dir);
        Assert.Equal(TestRuns.Describe((await TestRuns.Reference()).Status), TestRuns.Describe(run.Status!));
        Assert.Equal(StoreOptions.PostgreSqlKind, run.Info.StoreKind);
        var recorded = new NpgsqlConnectionStringBuilder(run.Info.StoreConnection);
        Assert.Equal((db.Name, null), (recorded.Database, recorded.Password));
        Assert.All(Directory.GetFiles(dir), f => Assert.DoesNotContain(password, File.ReadAllText(f)));
        Assert.False(File.Exists(Path.Combine(dir, RunDirectory.StoreName)));
        Assert.Equal(TestRuns.Max, KilledRuns.Lines(log));

        // Without a connection string resume names the run's store and what to give.
        (code, stderr) = await WithEnvironment(null, () => Invoke(log, "resume", dir, "--workers", "1"));
        Assert.Equal(2, code);
        Assert.Equal(
            $"error: run {run.Info.RunId} keeps its journal in PostgreSQL ('{run.Info.StoreConnection}'); it needs a connection string: " +
            $"give --store-connection or set {PostgreSqlConnection.EnvironmentVariable}", stderr.Trim());

        // With it (from the option here) resume finds the finished journal: nothing is evaluated again.
        (code, stderr) = await WithEnvironment(null, () => Invoke(log, "resume", dir, "--workers", "1", "--store-connection", db.ConnectionString));
        Assert.True(code == 0, stderr);
        Assert.Equal(TestRuns.Describe(run.Status!), TestRuns.Describe(RunRecord.Load(dir).Status!));
        Assert.Equal(TestRuns.Max, KilledRuns.Lines(log));
        Assert.False(File.Exists(Path.Combine(dir, RunDirectory.StoreName)));
    }

    [Theory]
    [InlineData(new[] { "--store", "postgresql", "--store-connection", $"Host=127.0.0.1;Password={Secret};Colour=blue" },
        $"error: --store-connection 'Host=127.0.0.1;Password=***;Colour=blue' is not a PostgreSQL connection string")]
    [InlineData(new[] { "--store-connection", $"Username=search;Password={Secret}" },
        "error: --store-connection 'Username=search' names no server; expected key=value pairs such as Host=db;")]
    [InlineData(new[] { "--store-connection", $"Host=127.0.0.1;Port=1;Username=search;Password={Secret};Timeout=5" },
        "error: cannot use PostgreSQL at 'Host=127.0.0.1;Port=1;Username=search;Timeout=5': ")]
    [InlineData(new[] { "--store", "postgresql" },
        "error: --store postgresql needs a connection string: give --store-connection or set SEARCH_POSTGRES")]
    [InlineData(new[] { "--store", "mysql" }, "error: --store mysql: expected sqlite or postgresql")]
    [InlineData(new[] { "--store", "sqlite", "--store-connection", "Host=127.0.0.1" },
        "error: --store-connection is for --store postgresql, not --store sqlite")]
    public async Task A_bad_store_is_one_error_line_without_password_and_no_run_directory(string[] store, string error)
    {
        string dir = TestRuns.TempDir("cli-bad-store");
        var (code, stderr) = await WithEnvironment(null, () => Invoke(dir + ".log", ["run", "--out", dir, .. store]));
        Assert.Equal(2, code);
        Assert.StartsWith(error, stderr);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.DoesNotContain(Secret, stderr);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task A_connection_string_for_a_SQLite_run_is_refused()
    {
        string dir = TestRuns.TempDir("cli-sqlite-resume");
        new RunDirectory(dir).Create(TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max), "sqlite:store.db", TimeProvider.System);
        var (code, stderr) = await WithEnvironment(null, () => Invoke(dir + ".log", "resume", dir, "--store-connection", "Host=127.0.0.1"));
        Assert.Equal(2, code);
        Assert.Equal($"error: --store-connection: run {Path.GetFileName(dir)} keeps its journal in sqlite:store.db, not in PostgreSQL", stderr.Trim());
    }

    /// <summary>Runs <paramref name="command"/> with $SEARCH_POSTGRES set to <paramref name="connection"/> (null: unset) and stderr captured.</summary>
    private static async Task<(int Code, string Stderr)> WithEnvironment(string? connection, Func<Task<int>> command)
    {
        string? saved = Environment.GetEnvironmentVariable(PostgreSqlConnection.EnvironmentVariable);
        var savedError = Console.Error;
        var error = new StringWriter();
        Environment.SetEnvironmentVariable(PostgreSqlConnection.EnvironmentVariable, connection);
        Console.SetError(error);
        try { return (await command(), error.ToString()); }
        finally
        {
            Console.SetError(savedError);
            Environment.SetEnvironmentVariable(PostgreSqlConnection.EnvironmentVariable, saved);
        }
    }
}
