using System.Diagnostics;
using System.Text.Json;
using Cluster.Hosting;
using Cluster.Protocol;
using Cluster.Runs;
using Cluster.TestHost;
using Cluster.Tests.Support;
using Npgsql;
using Search.Core;

namespace Cluster.Tests.Runs;

/// <summary>
/// Runs whose journal lives in a real PostgreSQL server (a fresh database per test): killed with
/// SIGKILL and resumed they end where an uninterrupted run ends, and runs that share a database and a
/// name keep their journals apart. Skipped only when no server is reachable (see <see cref="PostgreSqlServer"/>).
/// </summary>
[Collection("akka-runs")]
public sealed class PostgreSqlStoreTests
{
    // As in DurabilityTests: a life must not be able to finish the run before its kill.
    private const long Max = 2 * TestRuns.Max;
    private const int Workers = 2;
    private const int Kills = 3;

    [PostgreSqlFact]
    public async Task A_run_on_PostgreSQL_killed_three_times_and_resumed_ends_where_an_uninterrupted_run_ends()
    {
        await using var db = await TestDatabase.Create();
        var reference = await TestRuns.Local("reference-postgres", 1,
            slot => new FakeEvaluator((ulong)slot, 0), o => o with { Store = new StoreOptions.InMemory() }, Max);

        string dir = TestRuns.TempDir("durable-postgres");
        string log = Path.Combine(dir, "evaluations.log");
        // The child reads the connection string from the environment, as `search` does.
        var environment = new Dictionary<string, string> { [PostgreSqlConnection.EnvironmentVariable] = db.ConnectionString };
        Process Start(string verb) => KilledRuns.Start(verb, dir, Max, Workers, ["postgresql"], environment);
        int killed = await KilledRuns.KillRepeatedly(Start, log, new Rng(2027), Kills);
        Assert.True(killed >= 2, $"only {killed} kills landed before the run finished");
        Assert.False(File.Exists(Path.Combine(dir, "final.json")), $"the run ended before the last kill ({KilledRuns.Lines(log)} evaluations logged)");

        await KilledRuns.Finish(Start);

        var final = JsonSerializer.Deserialize<StatusReport>(File.ReadAllText(Path.Combine(dir, "final.json")))!;
        Assert.Equal(TestRuns.Describe(reference.Status), TestRuns.Describe(final));
        Assert.Equal(Max, final.Done);
        Assert.InRange(KilledRuns.Lines(log), Max, Max + killed * Workers);

        // The journal is the database's, not a file in the run directory, and run.json says so without the password.
        var info = RunRecord.Load(dir).Info;
        Assert.False(File.Exists(Path.Combine(dir, RunDirectory.StoreName)));
        Assert.Equal((StoreOptions.PostgreSqlKind, db.Name), (info.Store, new NpgsqlConnectionStringBuilder(info.StoreConnection).Database));
        Assert.DoesNotContain(Password(db), File.ReadAllText(Path.Combine(dir, RunDirectory.InfoName)));
        long events = await db.Scalar<long>($"SELECT count(*) FROM journal WHERE persistence_id = '{info.PersistenceId}'");
        Assert.True(events >= Max, $"{events} journal events for {Max} results");
    }

    [PostgreSqlFact]
    public async Task Two_runs_of_the_same_name_in_one_database_keep_their_journals_apart()
    {
        await using var db = await TestDatabase.Create();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var store = PostgreSqlConnection.Parse(db.ConnectionString, "the test database");
        string parent = TestRuns.TempDir("same-name");
        var reference = await TestRuns.Reference();
        var runs = new List<(string Dir, string Log, RunInfo Info)>();
        foreach (string machine in new[] { "a", "b" })
        {
            // Same directory name, so the same run id: as on two machines sharing one database.
            string dir = Path.Combine(parent, machine, "run");
            string log = Path.Combine(parent, machine + ".log");
            var result = await SearchRunner.RunLocal(TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max), Options(dir, log, store), null, timeout.Token);
            Assert.True(result.Completed);
            Assert.Equal(TestRuns.Describe(reference.Status), TestRuns.Describe(result.Status));
            runs.Add((dir, log, RunRecord.Load(dir).Info));
        }

        // The second run evaluated everything itself: it did not recover the first one's results.
        Assert.All(runs, r => Assert.Equal(TestRuns.Max, KilledRuns.Lines(r.Log)));
        Assert.Equal("run", Assert.Single(runs.Select(r => r.Info.RunId).Distinct()));
        Assert.NotEqual(runs[0].Info.PersistenceId, runs[1].Info.PersistenceId);
        Assert.Equal(2L, await db.Scalar<long>("SELECT count(DISTINCT persistence_id) FROM journal"));

        // Resuming the first finds its own finished journal: nothing is evaluated again.
        var (firstDir, firstLog, _) = runs[0];
        var resumed = await SearchRunner.Resume(firstDir, TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max), Options(firstDir, firstLog, store), null, timeout.Token);
        Assert.Equal(TestRuns.Describe(reference.Status), TestRuns.Describe(resumed.Status));
        Assert.Equal(TestRuns.Max, KilledRuns.Lines(firstLog));
    }

    [Fact]
    public async Task Resuming_a_PostgreSQL_run_without_its_connection_string_or_with_another_store_is_refused()
    {
        string dir = TestRuns.TempDir("postgres-no-connection");
        new RunDirectory(dir).Create(TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max), StoreOptions.PostgreSqlKind, TimeProvider.System,
            "Host=db.example;Database=runs", "search-run-x-1");
        var options = new RunOptions { Workers = 1, Evaluator = slot => new FakeEvaluator((ulong)slot, 0) };

        var missing = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            SearchRunner.Resume(dir, TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max), options, null, CancellationToken.None));
        Assert.Contains("keeps its journal in PostgreSQL ('Host=db.example;Database=runs')", missing.Message);
        await Assert.ThrowsAsync<StoreUnavailableException>(() => SearchRunner.Resume(dir, TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max),
            options with { Store = new StoreOptions.Sqlite(Path.Combine(dir, RunDirectory.StoreName)) }, null, CancellationToken.None));
        Assert.False(File.Exists(Path.Combine(dir, RunDirectory.StoreName)));
    }

    private static RunOptions Options(string dir, string log, StoreOptions store) =>
        new() { RunDirectory = dir, Workers = 1, Evaluator = slot => new FakeEvaluator((ulong)slot, 0, log), Store = store };

    private static string Password(TestDatabase db) => new NpgsqlConnectionStringBuilder(db.ConnectionString).Password!;
}
