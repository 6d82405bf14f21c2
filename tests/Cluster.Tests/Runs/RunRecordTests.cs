using Cluster.Baselines;
using Cluster.Confirmation;
using Cluster.Protocol;
using Cluster.Runs;
using Cluster.TestHost;
using Cluster.Tests.Cli;
using Cluster.Tests.Support;
using Cluster.Validation;

namespace Cluster.Tests.Runs;

/// <summary>A run directory read back as one <see cref="RunRecord"/>: whole, partly written, or with a file that is not what it should be.</summary>
public sealed class RunRecordTests
{
    private static readonly BaselineResult Baseline = new("0.5,0.5", 7, [0.5, double.PositiveInfinity], null, null, new() { ["loss"] = double.NaN }, new());
    private static readonly ConfirmationResult Confirmed = new("0.1,0.2", ConfirmationCandidate.FrontRole, 4, 1, 99, [0.1, 0.9], null, null, 1.5);
    private static readonly ValidationResult Validated = new("0.1,0.2", ConfirmationCandidate.FrontRole, 4, "fmnist-mlp", "/data/fmnist", 2, 98, [double.NaN, 0.9], null, null, 2.5);

    private static RunDirectory NewRun(string name)
    {
        var dir = new RunDirectory(TestRuns.TempDir(name));
        dir.Create(TestSpaces.Zdt1(3, 10), "sqlite:store.db", new ManualClock());
        return dir;
    }

    [Fact]
    public void A_finished_run_reads_back_info_status_baselines_confirmation_and_validation_including_infinite_and_nan_values()
    {
        var dir = NewRun("record");
        var status = SampleMessages.All.OfType<StatusReport>().Single();
        dir.WriteStatus(status);
        dir.WriteBaselines([Baseline]);
        dir.WriteConfirmation([Confirmed]);
        dir.WriteValidation([Validated]);

        var run = RunRecord.Load(dir.Path);

        Assert.Equal(dir.Path, run.Directory.Path);
        Assert.Equal("record", run.Info.RunId[..6]);
        Assert.Equal(3UL, run.Info.Seed);
        Assert.Null(run.Info.SpaceCopy); // an embedded space has no file to copy
        Assert.Equal(run.Info.SpaceSource, run.SpaceSource);
        Assert.Equal(Equality.Json(status), Equality.Json(run.Status!));
        Assert.Equal(Equality.Json(Baseline), Equality.Json(Assert.Single(run.Baselines)));
        Assert.Equal(Equality.Json(Confirmed), Equality.Json(Assert.Single(run.Confirmation)));
        Assert.Equal(Equality.Json(Validated), Equality.Json(Assert.Single(run.Validation)));
    }

    [Fact]
    public void A_run_json_from_before_the_store_fields_reads_as_a_SQLite_run()
    {
        var dir = NewRun("old-info");
        // What run.json held before it named the store's connection and persistence id, and without "Store" at all.
        var old = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(dir.InfoFile))!.AsObject();
        foreach (string field in new[] { "Store", "StoreConnection", "PersistenceId" }) old.Remove(field);
        File.WriteAllText(dir.InfoFile, old.ToJsonString());

        var info = RunRecord.Load(dir.Path).Info;

        Assert.Equal(("sqlite", "sqlite:store.db", null, null), (info.StoreKind, info.Store, info.StoreConnection, info.PersistenceId));
        Assert.DoesNotContain("StoreKind", File.ReadAllText(NewRun("new-info").InfoFile));
    }

    [Fact]
    public void A_run_without_results_has_no_status_baselines_confirmation_or_validation()
    {
        var run = RunRecord.Load(NewRun("fresh").Path);
        Assert.Null(run.Status);
        Assert.Empty(run.Baselines);
        Assert.Empty(run.Confirmation);
        Assert.Empty(run.Validation);
    }

    [Fact]
    public void A_directory_without_run_json_holds_no_run()
    {
        string path = TestRuns.TempDir("empty");
        var e = Assert.Throws<DirectoryNotFoundException>(() => RunRecord.Load(path));
        Assert.Equal($"{path} holds no run (no run.json)", e.Message);
    }

    [Theory]
    [InlineData(RunDirectory.StatusName, "not json", "a run's status")]
    [InlineData(RunDirectory.StatusName, "[]", "a run's status")]
    [InlineData(RunDirectory.StatusName, "{}", "a run's status")]
    [InlineData(RunDirectory.StatusName, "null", "a run's status")]
    [InlineData(RunDirectory.ConfirmationName, "{\"Genome\": 1}", "the run's confirmation trainings")]
    [InlineData(RunDirectory.ValidationName, "[{\"Genome\": \"x\"}]", "the run's validation trainings")]
    [InlineData(RunDirectory.BaselinesName, "", "the run's baselines")]
    [InlineData(RunDirectory.InfoName, "{\"RunId\": \"x\"}", "a run's info")]
    public void A_corrupt_file_is_named_with_what_it_should_hold_on_one_line(string name, string content, string expected)
    {
        var dir = NewRun("corrupt");
        string file = Path.Combine(dir.Path, name);
        File.WriteAllText(file, content);

        var e = Assert.Throws<RunDirectoryException>(() => RunRecord.Load(dir.Path));

        Assert.StartsWith($"{file} does not hold {expected}", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("status", RunDirectory.StatusName)]
    [InlineData("export", RunDirectory.StatusName)]
    [InlineData("confirm", RunDirectory.ConfirmationName)]
    [InlineData("resume", RunDirectory.BaselinesName)]
    public void Every_command_that_reads_a_run_answers_a_corrupt_file_with_one_line_and_exit_code_2(string command, string name)
    {
        var dir = NewRun("corrupt-cli");
        File.WriteAllText(Path.Combine(dir.Path, name), "{ truncated");

        var (code, _, stderr) = ProgramRunner.Run(command, dir.Path);

        Assert.Equal(2, code);
        Assert.StartsWith($"error: {Path.Combine(dir.Path, name)} does not hold ", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }
}
