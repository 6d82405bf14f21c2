using System.Text.Json;
using Cluster.Cli;
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
/// identical, coefficients equal to a training done directly with that seed); --no-retrain keeps
/// the export from initialisation.
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

    private static readonly SearchComposition Composition = SearchComposition.Default with
    {
        CreateEvaluator = slot => new CandidateEvaluator(new CandidateEvaluatorOptions
        {
            ResolveTask = Resolve,
            DataDirectory = slot.DataDirectory,
            Threads = Math.Max(1, slot.Threads),
            CompleteLearned = slot.CompleteLearned,
        }),
    };

    private static Task<int> Invoke(params string[] args) => SearchCli.Invoke(Composition, args);

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
        Assert.Contains("retrained at export with the run's seed", note);
        Assert.Contains("objectives identical to the run's", note);
        Assert.StartsWith("retrained at export", item.GetProperty("metadata").GetProperty("coefficients").GetString());
        var exported = kan.GetProperty("parameters").GetProperty("layer0.base_weight").GetProperty("values").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        Assert.Equal(100 * Hidden, exported.Length);

        // The same member trained directly with the seed the engine gave it.
        using (var evaluator = new CandidateEvaluator(new CandidateEvaluatorOptions { ResolveTask = Resolve, Threads = 1, CompleteLearned = true }))
        {
            var job = new EvaluationJob(space.Family.Name, best.Genome, EvaluationSeeds.For(record.Info.Seed, best.Id), space.PlanFor(best.Rung), space.FamilySpace);
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
}
