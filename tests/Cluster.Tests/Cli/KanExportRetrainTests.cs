using System.Text.Json;
using Cluster.Cli;
using Cluster.Protocol;
using Cluster.Runs;
using Cluster.Spaces;
using Cluster.Tests.Support;
using Evaluators.Candidates;
using Evaluators.Families.KanBasis;
using Evaluators.Models;
using Evaluators.Runtime;
using Evaluators.Tasks;
using Evaluators.Training;
using Search.Core;
using Search.Engine;

namespace Cluster.Tests.Cli;

/// <summary>
/// A real kan-basis search whose networks are too big for the run to keep their coefficients
/// (kan-100d widened to a [100, 50, 1] KAN: over 20,000 values): `search export` retrains the
/// exported member with the run's seed for it, which gives back the run's network (objectives
/// identical, coefficients equal to a training done directly with that seed, and every format's export
/// equal to that of a run that kept them); --no-retrain keeps the export from initialisation.
/// </summary>
[Collection("akka-runs")]
public sealed class KanExportRetrainTests
{
    private const int Hidden = 50;

    private const string Space = """
        name: kan-wide
        seed: 5
        family:
          name: kan-basis
          layers: 2
          allowed: [bspline]
          grid: [3, 5]
          order: [1, 3]
        strategy:
          name: aging
          population: 3
          sample: 2
        objectives:
          - name: rmse
            metric: validation_rmse
            direction: minimize
        evaluation:
          tasks: [kan-100d]
          epochs: 1
        rejection:
          hurdle: off
        budget:
          max_evaluations: 3
        """;

    public KanExportRetrainTests() => TorchRuntime.EnsureReady(1);

    // kan-100d's points through a wider KAN, one epoch of Adam: about a second a training.
    private static ProxyTask Resolve(string name) => name == "kan-100d"
        ? ProxyTasks.Get(name) with { Template = new LinearSlotNet(Hidden), Training = new TrainingSettings { Epochs = 1, BatchSize = 100 } }
        : ProxyTasks.Get(name);

    private static CandidateEvaluator Evaluator(EvaluatorSlot slot, Func<string, ProxyTask> resolve) => new(new CandidateEvaluatorOptions
    {
        ResolveTask = resolve,
        DataDirectory = slot.DataDirectory,
        Threads = Math.Max(1, slot.Threads),
        CompleteLearned = slot.CompleteLearned,
        TrainingProgress = slot.TrainingProgress,
    });

    private static readonly SearchComposition Composition = SearchComposition.Default with { CreateEvaluator = slot => Evaluator(slot, Resolve) };

    // A run whose workers report every value: the same trainings, their coefficients kept.
    private static readonly SearchComposition Keeping = Composition with { CreateEvaluator = slot => Evaluator(slot with { CompleteLearned = true }, Resolve) };

    // An export whose retraining takes batches of 50 instead of the run's 100: other objectives.
    private static readonly SearchComposition Drifting = Composition with
    {
        CreateEvaluator = slot => Evaluator(slot, slot.CompleteLearned
            ? name => Resolve(name) is var t && name == "kan-100d" ? t with { Training = t.Training with { BatchSize = 50 } } : t
            : Resolve),
    };

    private static Task<int> Invoke(params string[] args) => SearchCli.Invoke(Composition, args);

    // The command's exit code and what it wrote on stderr (progress, comparison, warnings, errors).
    private static async Task<(int Code, string Error)> WithStderr(SearchComposition composition, params string[] args)
    {
        var saved = Console.Error;
        var error = new StringWriter();
        Console.SetError(error);
        try { return (await SearchCli.Invoke(composition, args), error.ToString()); }
        finally { Console.SetError(saved); }
    }

    private static async Task<(string Dir, string Run, SearchSpace Space, RunRecord Record, FrontMember Best)> SearchWith(SearchComposition composition, string prefix)
    {
        string spaceFile = SearchCli.WriteSpace(prefix, "kan-wide.yaml", Space);
        string dir = Path.GetDirectoryName(spaceFile)!;
        string run = Path.Combine(dir, "run");
        Assert.Equal(0, await SearchCli.Invoke(composition, "run", spaceFile, "--out", run, "--workers", "1", "--threads", "1"));
        var record = RunRecord.Load(run);
        var space = SearchSpaceFile.Load(spaceFile);
        return (dir, run, space, record, RunRanking.Front(record.Status!, space.Objectives.Items[0].ToMinimized).First());
    }

    // The export without its coefficients notes (one line each in every format), which say where the values came from.
    private static string WithoutNotes(string file) => string.Join("\n", File.ReadAllLines(file)
        .Where(l => !l.Contains("Trained coefficients", StringComparison.Ordinal) && !l.Contains("retrained at export", StringComparison.Ordinal)));

    private static JsonElement Kan(string file) => JsonDocument.Parse(File.ReadAllText(file)).RootElement[0];

    [Fact]
    public async Task Export_retrains_a_network_the_run_could_not_keep_and_no_retrain_does_not()
    {
        string spaceFile = SearchCli.WriteSpace("kan-retrain", "kan-wide.yaml", Space);
        string dir = Path.GetDirectoryName(spaceFile)!;
        string run = Path.Combine(dir, "run");
        Assert.Equal(0, await Invoke("run", spaceFile, "--out", run, "--threads", "1"));

        var record = RunRecord.Load(run);
        var space = SearchSpaceFile.Load(spaceFile);
        var best = RunRanking.Front(record.Status!, space.Objectives.Items[0].ToMinimized).First();
        Assert.True(ExportRetrainer.Needs(best), "the run should have kept only the widths");
        Assert.True(best.Learned!["kan.values"] > KanLearned.MaxValues);

        string json = Path.Combine(dir, "top.json");
        Assert.Equal(0, await Invoke("export", run, "--top", "1", "--format", "json", "--out", json));
        var item = Kan(json);
        var kan = item.GetProperty("kan");
        string note = kan.GetProperty("coefficients").GetString()!;
        Assert.StartsWith("Trained coefficients: embedded", note);
        ulong seed = EvaluationSeeds.For(record.Info.Seed, best.Id);
        Assert.Contains($"retrained at export with seed {seed} on task kan-100d; validation_rmse ", note);
        Assert.Contains("(search recorded ", note);
        Assert.EndsWith("; identical), loaded when built at the trained widths.", note);
        Assert.StartsWith("retrained at export", item.GetProperty("metadata").GetProperty("coefficients").GetString());
        var exported = kan.GetProperty("parameters").GetProperty("layer0.base_weight").GetProperty("values").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        Assert.Equal(100 * Hidden, exported.Length);

        // The same member trained directly with the seed the engine gave it.
        using (var evaluator = new CandidateEvaluator(new CandidateEvaluatorOptions { ResolveTask = Resolve, Threads = 1, CompleteLearned = true }))
        {
            var job = new EvaluationJob(space.Family.Name, best.Genome, seed, space.PlanFor(best.Rung), space.FamilySpace);
            var direct = evaluator.Evaluate(job, NoEquivalenceLookup.Instance, CancellationToken.None);
            Assert.Equal(best.Objectives, direct.Result.Objectives);
            Assert.Equal(KanLearned.Parse(direct.Learned).Tensors!["layer0.base_weight"], exported);
        }

        string plain = Path.Combine(dir, "plain.json");
        Assert.Equal(0, await Invoke("export", run, "--top", "1", "--format", "json", "--out", plain, "--no-retrain"));
        var untrained = Kan(plain);
        Assert.Contains("were not kept", untrained.GetProperty("kan").GetProperty("coefficients").GetString());
        Assert.Equal(JsonValueKind.Null, untrained.GetProperty("kan").GetProperty("parameters").GetProperty("layer0.base_weight").GetProperty("values").ValueKind);
        Assert.False(untrained.GetProperty("metadata").TryGetProperty("coefficients", out _));
    }

    [Fact]
    public async Task Retrained_exports_equal_in_every_format_those_of_a_run_that_kept_the_coefficients()
    {
        var forgot = await SearchWith(Composition, "kan-retrain-forgot");
        var kept = await SearchWith(Keeping, "kan-retrain-kept");
        Assert.True(ExportRetrainer.Needs(forgot.Best));
        Assert.False(ExportRetrainer.Needs(kept.Best));
        Assert.Equal(forgot.Best.Id, kept.Best.Id);
        Assert.Equal(forgot.Best.Genome, kept.Best.Genome);
        Assert.Equal(forgot.Best.Objectives, kept.Best.Objectives);
        string name = $"kan-wide_{forgot.Best.Id}";
        ulong seed = EvaluationSeeds.For(forgot.Record.Info.Seed, forgot.Best.Id);

        foreach (var (format, ext) in new[] { ("pytorch", "py"), ("torchsharp", "cs"), ("json", "json") })
        {
            string retrained = Path.Combine(forgot.Dir, $"top.{ext}"), recorded = Path.Combine(kept.Dir, $"top.{ext}");
            var (code, error) = await WithStderr(Composition, "export", forgot.Run, "--top", "1", "--format", format, "--out", retrained);
            Assert.True(code == 0, error);
            var (keptCode, keptError) = await WithStderr(Keeping, "export", kept.Run, "--top", "1", "--format", format, "--out", recorded);
            Assert.True(keptCode == 0, keptError);

            // Retraining reproduced the run's training: the same code, the same coefficients, to the last digit.
            Assert.Equal(WithoutNotes(recorded), WithoutNotes(retrained));
            Assert.DoesNotContain("were not kept", File.ReadAllText(retrained));
            Assert.Contains("Trained coefficients: embedded", File.ReadAllText(recorded));
            Assert.DoesNotContain("retraining ", keptError);

            var lines = error.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains(lines, l => l.StartsWith($"retraining {name} (", StringComparison.Ordinal) && l.Contains($"with seed {seed} on task kan-100d"));
            Assert.Contains(lines, l => l.StartsWith($"{name}: kan-100d 100% (step ", StringComparison.Ordinal));
            var verdict = Assert.Single(lines, l => l.StartsWith($"retrained {name} (", StringComparison.Ordinal));
            Assert.Contains($"validation_rmse {forgot.Best.Objectives[0].ToString("G6", System.Globalization.CultureInfo.InvariantCulture)} (search recorded ", verdict);
            Assert.EndsWith("; identical", verdict);
            Assert.DoesNotContain("WARNING", error);
        }
        var meta = Kan(Path.Combine(forgot.Dir, "top.json")).GetProperty("metadata").GetProperty("coefficients").GetString()!;
        Assert.StartsWith($"retrained at export with seed {seed} on task kan-100d; validation_rmse ", meta);
    }

    [Fact]
    public async Task A_retraining_that_does_not_reproduce_the_run_is_exported_with_a_warning()
    {
        var run = await SearchWith(Composition, "kan-retrain-drift");
        string json = Path.Combine(run.Dir, "drift.json");
        var (code, error) = await WithStderr(Drifting, "export", run.Run, "--top", "1", "--format", "json", "--out", json);
        Assert.True(code == 0, error);
        string name = $"kan-wide_{run.Best.Id}";
        var warning = Assert.Single(error.Split('\n'), l => l.StartsWith("WARNING: ", StringComparison.Ordinal));
        Assert.Contains(name, warning);
        Assert.Contains($"(search recorded {run.Best.Objectives[0].ToString("R", System.Globalization.CultureInfo.InvariantCulture)})", warning);
        string note = Kan(json).GetProperty("kan").GetProperty("coefficients").GetString()!;
        Assert.Contains("DIFFERENT beyond 1E-06: the retrained network is exported", note);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("NaN")]
    public async Task A_bad_retrain_tolerance_is_one_error_line_and_exit_2(string value)
    {
        var (code, error) = await WithStderr(Composition, "export", TestRuns.TempDir("kan-retrain-bad"), "--retrain-tolerance", value);
        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains("--retrain-tolerance", line);
    }
}
