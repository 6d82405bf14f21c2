using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Cluster.Tests.Cli;

/// <summary>One real finished run (the CSV space: seconds) shared by the corruption cases.</summary>
public sealed class FinishedCsvRun : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("corrupt-runs-").FullName;
    public string Run => Path.Combine(Root, "run");

    public FinishedCsvRun()
    {
        SineCsv.Write(Path.Combine(Root, "data", "sine.csv"));
        string space = Path.Combine(Root, "space.yaml");
        File.WriteAllText(space, SineCsv.SpaceYaml("csv-corrupt", evaluations: 3, epochs: 5));
        var (code, stdout, stderr) = ProgramRunner.Run("run", space, "--out", Run, "--workers", "1", "--threads", "1");
        if (code != 0) throw new InvalidOperationException($"the run for the corruption tests failed ({code}): {stderr}{stdout}");
        // A finished run holds its final snapshot in store.db (taken when the engine is done).
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// A damaged file in a run directory (truncated, garbled, missing) gets one line naming the file and
/// the problem, exit 2, and the directory is left exactly as it was: no file changed, none added.
/// </summary>
public sealed class CorruptedRunFileTests(FinishedCsvRun finished) : IClassFixture<FinishedCsvRun>
{
    [Theory]
    [InlineData("run.json", "truncate", "resume")]
    [InlineData("run.json", "garble", "status")]
    [InlineData("status.json", "truncate", "status")]
    [InlineData("status.json", "garble", "resume")]
    [InlineData("confirm.json", "truncate", "status")]
    [InlineData("confirm.json", "garble", "export")]
    [InlineData("store.db", "truncate", "resume")]
    [InlineData("store.db", "garble", "resume")]
    [InlineData("store.db", "delete", "resume")]
    [InlineData("store.db", "garble-snapshot", "resume")]
    public void A_damaged_file_is_named_in_one_line_with_exit_2_and_nothing_is_written(string file, string damage, string command)
    {
        // A copy under the same directory name: the run's id (its journal's key) is unchanged.
        string root = Directory.CreateTempSubdirectory("corrupt-case-").FullName;
        string run = Path.Combine(root, "run");
        Copy(finished.Run, run);
        if (file == "confirm.json") File.WriteAllText(Path.Combine(run, file), "[]");
        string path = Path.Combine(run, file);
        Damage(path, damage);
        var before = Hashes(run);

        string[] args = command switch
        {
            "resume" => ["resume", run, "--workers", "1", "--threads", "1"],
            "export" => ["export", run, "--out", Path.Combine(root, "export.py")],
            _ => [command, run],
        };
        var (code, stdout, stderr) = ProgramRunner.Run(args);

        Assert.True(code == 2, $"exit {code}\n{stderr}\n{stdout}");
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(path, line);
        Assert.Equal(before, Hashes(run));
        Assert.False(File.Exists(Path.Combine(root, "export.py")));
    }

    [Fact]
    public void A_run_directory_moved_under_another_name_resumes_its_own_journal_without_evaluating_again()
    {
        string moved = Path.Combine(Directory.CreateTempSubdirectory("moved-run-").FullName, "renamed");
        Copy(finished.Run, moved);
        long events = JournalRows(Path.Combine(moved, "store.db"));

        var (code, stdout, stderr) = ProgramRunner.Run("resume", moved, "--workers", "1", "--threads", "1");

        Assert.True(code == 0, $"exit {code}\n{stderr}\n{stdout}");
        Assert.Equal(events, JournalRows(Path.Combine(moved, "store.db")));
        Assert.Equal(3, Cluster.Runs.RunRecord.Load(moved).Status!.Done);
    }

    private static long JournalRows(string store)
    {
        using var c = new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var count = c.CreateCommand();
        count.CommandText = "SELECT count(*) FROM journal";
        return (long)count.ExecuteScalar()!;
    }

    private static void Damage(string path, string damage)
    {
        switch (damage)
        {
            case "truncate":
                using (var f = new FileStream(path, FileMode.Open)) f.SetLength(f.Length / 3);
                break;
            case "garble":
                var bytes = File.ReadAllBytes(path);
                var rng = new Random(5);
                for (int i = 0; i < Math.Min(64, bytes.Length); i++) bytes[i] = (byte)rng.Next(256);
                File.WriteAllBytes(path, bytes);
                break;
            case "delete":
                File.Delete(path);
                break;
            case "garble-snapshot":
                using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
                {
                    c.Open();
                    using var update = c.CreateCommand();
                    update.CommandText = "UPDATE snapshot SET snapshot = X'DEADBEEF'";
                    Assert.Equal(1, update.ExecuteNonQuery());
                }
                break;
            default: throw new ArgumentException(damage);
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
    }

    private static string Hashes(string dir) => string.Join("\n", Directory.GetFiles(dir).Order(StringComparer.Ordinal)
        .Select(f => $"{Path.GetFileName(f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}"));
}
