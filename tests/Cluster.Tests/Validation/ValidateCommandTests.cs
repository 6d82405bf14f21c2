using System.CommandLine;
using Cluster.Cli;
using Cluster.Confirmation;
using Cluster.Runs;
using Cluster.Spaces;
using Cluster.Tests.Support;
using Cluster.Validation;
using Evaluators.Candidates;
using Search.Core;

namespace Cluster.Tests.Validation;

/// <summary>
/// `search validate` retrains the front and the baselines on other tasks of the run's family, on
/// shared fresh seeds, saves each training to validate.json, and never repeats one. The run is a tiny
/// activation search (8 evaluations) whose evaluator is a deterministic stand-in: no training.
/// </summary>
[Collection("akka-runs")]
public sealed class ValidateCommandTests
{
    private const string Space = """
        name: validate-test
        family:
          name: activation
        strategy:
          name: nsga2
          population: 4
        objectives:
          - name: accuracy
            metric: validation_accuracy@fmnist-deep-mlp
            direction: maximize
          - name: loss
            metric: validation_loss
            direction: minimize
        evaluation:
          tasks: [fmnist-deep-mlp]
        baselines: [relu(x), tanh(x)]
        budget:
          max_evaluations: 8
        """;

    /// <summary>Objectives from (genome, task, seed) alone: the seed moves every genome alike, so gains are exactly paired.</summary>
    private sealed class Stand_in(string? data) : ICandidateEvaluator
    {
        public static readonly List<(EvaluationJob Job, string? Data)> Jobs = [];

        /// <summary>Cancelled (as Ctrl+C would) when the third job starts; null: never.</summary>
        public static CancellationTokenSource? StopAtThird;

        public EvaluationReport Evaluate(EvaluationJob job, IEquivalenceLookup cache, CancellationToken cancel)
        {
            lock (Jobs)
            {
                Jobs.Add((job, data));
                if (Jobs.Count == 3) StopAtThird?.Cancel();
            }
            double genome = StableHash.Of(job.GenomeText) % 1000 / 1000.0, seed = job.Seed % 100 / 1000.0, task = job.Plan.Tasks[0].Length / 100.0;
            double accuracy = 0.5 + 0.3 * genome + seed + task;
            return new EvaluationReport(EvaluationResult.Accept(accuracy, 1 - accuracy), null, new(), new Dictionary<string, double>(), new Dictionary<string, double>());
        }
    }

    private static Task<(int Code, string Output, string Error)> Invoke(params string[] args) => Invoke(CancellationToken.None, args);

    private static async Task<(int Code, string Output, string Error)> Invoke(CancellationToken cancel, params string[] args)
    {
        var composition = new SearchComposition(path => SearchSpaceFile.Load(path!), slot => new Stand_in(slot.DataDirectory));
        var root = new RootCommand("test");
        foreach (var c in SearchCommands.Create(composition)) root.Subcommands.Add(c);
        var output = new StringWriter();
        var error = new StringWriter();
        var (savedOut, savedError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try { return (await root.Parse(args).InvokeAsync(cancellationToken: cancel), output.ToString(), error.ToString()); }
        finally
        {
            Console.SetOut(savedOut);
            Console.SetError(savedError);
        }
    }

    /// <summary>A finished tiny run: its directory.</summary>
    private static async Task<string> FinishedRun(string name)
    {
        string dir = TestRuns.TempDir(name);
        Directory.CreateDirectory(dir);
        string space = Path.Combine(dir + "-space.yaml");
        await File.WriteAllTextAsync(space, Space);
        var run = await Invoke("run", space, "--out", dir);
        Assert.True(run.Code == 0, run.Output + run.Error);
        Assert.NotEmpty(RunRecord.Load(dir).Status!.Front);
        lock (Stand_in.Jobs) Stand_in.Jobs.Clear();
        return dir;
    }

    private static int Trained()
    {
        lock (Stand_in.Jobs) return Stand_in.Jobs.Count;
    }

    [Fact]
    public async Task Validate_trains_every_candidate_on_every_task_and_seed_once_with_paired_fresh_seeds()
    {
        string dir = await FinishedRun("validate");
        var run = RunRecord.Load(dir);
        var space = SearchSpaceFile.Load(run.SpaceSource);
        var candidates = ValidationPlan.Candidates(space, run.Status!, 1, ["elu(x)"]);

        var (code, output, error) = await Invoke("validate", dir, "--tasks", "fmnist-mlp,fmnist-cnn", "--seeds", "2", "--top", "1", "--baselines", "elu(x)", "--workers", "2");
        Assert.True(code == 0, output + error);
        var results = RunRecord.Load(dir).Validation;
        Assert.Equal(candidates.Count * 2 * 2, results.Count);
        Assert.Equal(results.Count, Trained());
        Assert.Equal(candidates.Select(c => c.Genome).Order(), results.Select(r => r.Genome).Distinct().Order());
        Assert.Contains(results, r => r.Genome == "elu(x)" && r.Role == ConfirmationCandidate.BaselineRole);
        Assert.Equal(["fmnist-cnn", "fmnist-mlp"], results.Select(r => r.Task).Distinct().Order());
        Assert.All(results, r => Assert.Null(r.DataDirectory));
        // Paired: seed k is one training seed for every genome and task, fresh (not confirm's, not a proposal's).
        foreach (var k in new[] { 1, 2 })
        {
            var seeds = results.Where(r => r.SeedIndex == k).Select(r => r.Seed).Distinct().ToArray();
            Assert.Equal([ValidationPlan.SeedFor(run.Info.Seed, k)], seeds);
            Assert.NotEqual(ConfirmationPlan.SeedFor(run.Info.Seed, k), seeds[0]);
        }
        Assert.Equal(2, results.Select(r => r.Seed).Distinct().Count());
        // One task per job, the run's objectives measured on it, no hurdle, stability check or cache.
        lock (Stand_in.Jobs)
            Assert.All(Stand_in.Jobs, j =>
            {
                Assert.Single(j.Job.Plan.Tasks);
                Assert.Equal(["validation_accuracy", "validation_loss"], j.Job.Plan.Objectives);
                Assert.Equal(1, j.Job.Plan.Seeds);
                Assert.Null(j.Job.Plan.Hurdle);
                Assert.False(j.Job.Plan.EquivalenceCache);
                Assert.False(j.Job.Plan.Stability!.Enabled);
            });
        Assert.All(results, r => Assert.NotNull(r.Objectives));
        Assert.Contains("validation: ", output);
        Assert.Contains("[16/16] fmnist-", output);
        Assert.Contains("validate_fmnist-mlp_accuracy_best_gain_vs_relu_x: ", output);
        Assert.Contains("validate_fmnist-cnn_loss_best_gain_vs_elu_x: ", output);
        Assert.Contains("validate_fmnist-cnn_front_beating_all_baselines: ", output);
        // name: value lines come last.
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int firstFigure = Array.FindIndex(lines, l => l.StartsWith("validate_", StringComparison.Ordinal));
        Assert.All(lines[firstFigure..], l => Assert.StartsWith("validate_", l));
    }

    [Fact]
    public async Task A_second_validate_trains_nothing_and_a_partial_file_gets_only_the_missing_trainings()
    {
        string dir = await FinishedRun("validate-resume");
        string[] args = ["validate", dir, "--tasks", "fmnist-mlp", "--seeds", "2", "--top", "1"];
        Assert.Equal(0, (await Invoke(args)).Code);
        var full = RunRecord.Load(dir).Validation;
        int count = full.Count;
        Assert.Equal(count, Trained());

        lock (Stand_in.Jobs) Stand_in.Jobs.Clear();
        var again = await Invoke(args);
        Assert.Equal(0, again.Code);
        Assert.Equal(0, Trained());
        Assert.Contains($"{count} trainings stored, 0 to do", again.Output);

        // Lose seed 2 of the first genome and all of the last: exactly those are trained again.
        var kept = full.Where((r, i) => !(r.Genome == full[0].Genome && r.SeedIndex == 2) && r.Genome != full[^1].Genome).ToArray();
        new RunDirectory(dir).WriteValidation(kept);
        Assert.Equal(0, (await Invoke(args)).Code);
        lock (Stand_in.Jobs)
            Assert.Equal(full.Except(kept).Select(r => (r.Genome, r.Seed)).Order(), Stand_in.Jobs.Select(j => (j.Job.GenomeText, j.Job.Seed)).Order());
        var refilled = RunRecord.Load(dir).Validation;
        Assert.Equal(count, refilled.Count);
        Assert.Equal(full.Select(r => (r.Genome, r.SeedIndex, r.Objectives![0])).Order(), refilled.Select(r => (r.Genome, r.SeedIndex, r.Objectives![0])).Order());
    }

    [Fact]
    public async Task Cancelling_keeps_the_finished_trainings_says_so_and_exits_130()
    {
        string dir = await FinishedRun("validate-cancel");
        string[] args = ["validate", dir, "--tasks", "fmnist-mlp", "--seeds", "2", "--top", "1"];
        using var stop = new CancellationTokenSource();
        Stand_in.StopAtThird = stop;
        (int Code, string Output, string Error) stopped;
        try { stopped = await Invoke(stop.Token, args); }
        finally { Stand_in.StopAtThird = null; }
        Assert.Equal(130, stopped.Code);
        Assert.Contains("stopped; 2 new trainings are saved in", stopped.Output);
        Assert.Contains("run the same command to go on", stopped.Output);
        Assert.Equal(2, RunRecord.Load(dir).Validation.Count); // the training cut short is not saved

        lock (Stand_in.Jobs) Stand_in.Jobs.Clear();
        var resumed = await Invoke(args);
        Assert.Equal(0, resumed.Code);
        int total = RunRecord.Load(dir).Validation.Count;
        Assert.Equal(total - 2, Trained());
        Assert.Contains($"2 trainings stored, {total - 2} to do", resumed.Output);
    }

    [Fact]
    public async Task Results_on_different_data_directories_are_kept_apart()
    {
        string dir = await FinishedRun("validate-data");
        string a = TestRuns.TempDir("data-a"), b = TestRuns.TempDir("data-b");
        Assert.Equal(0, (await Invoke("validate", dir, "--tasks", "fmnist-mlp", "--seeds", "1", "--top", "1", "--data", a)).Code);
        int one = RunRecord.Load(dir).Validation.Count;
        lock (Stand_in.Jobs)
        {
            Assert.All(Stand_in.Jobs, j => Assert.Equal(a, j.Data));
            Stand_in.Jobs.Clear();
        }

        Assert.Equal(0, (await Invoke("validate", dir, "--tasks", "fmnist-mlp", "--seeds", "1", "--top", "1", "--data", b)).Code);
        Assert.Equal(one, Trained()); // nothing trained on a counts for b
        lock (Stand_in.Jobs) Assert.All(Stand_in.Jobs, j => Assert.Equal(b, j.Data));
        var results = RunRecord.Load(dir).Validation;
        Assert.Equal(2 * one, results.Count);
        Assert.Equal([a, b], results.Select(r => r.DataDirectory).Distinct().Order());

        // Rerunning either trains nothing; default data (no --data) is a third set.
        lock (Stand_in.Jobs) Stand_in.Jobs.Clear();
        Assert.Equal(0, (await Invoke("validate", dir, "--tasks", "fmnist-mlp", "--seeds", "1", "--top", "1", "--data", a)).Code);
        Assert.Equal(0, Trained());
        Assert.Equal(0, (await Invoke("validate", dir, "--tasks", "fmnist-mlp", "--seeds", "1", "--top", "1")).Code);
        Assert.Equal(one, Trained());
    }

    [Fact]
    public async Task Unknown_tasks_tasks_of_another_family_and_bad_baselines_are_named()
    {
        string dir = await FinishedRun("validate-errors");

        var unknown = await Invoke("validate", dir, "--tasks", "fmnist-mlp,no-such-task");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("unknown task 'no-such-task'", unknown.Error);
        Assert.Contains("fmnist-deep-mlp", unknown.Error); // the valid names are listed

        var foreign = await Invoke("validate", dir, "--tasks", "kan-expsin");
        Assert.Equal(2, foreign.Code);
        Assert.Contains("'kan-expsin' belongs to the family", foreign.Error);
        Assert.Contains("fmnist-mlp", foreign.Error);

        var bad = await Invoke("validate", dir, "--tasks", "fmnist-mlp", "--baselines", "elu(x),relu(x +");
        Assert.Equal(2, bad.Code);
        Assert.Contains("'relu(x +'", bad.Error);
        Assert.Contains("expected", bad.Error); // the parse problem

        var missing = await Invoke("validate", dir);
        Assert.NotEqual(0, missing.Code); // --tasks is required
        Assert.Equal(0, Trained());
        Assert.Empty(RunRecord.Load(dir).Validation);
    }
}
