using Evaluators.Candidates;
using Evaluators.Runtime;
using Search.Core;
using Search.Rejection;

namespace Evaluators.Tests.Candidates;

/// <summary>Accepted candidates: objectives in the plan's order, metrics, learned scalars, determinism, no leaks.</summary>
public class CandidateEvaluatorTests
{
    // Mlp(16, 16) on 2 inputs and 2 classes: (2*16+16) + (16*16+16) + (16*2+2).
    private const double TinyParameters = 354;

    [Fact]
    public void Relu_is_accepted_with_objectives_in_the_plans_order()
    {
        using var evaluator = new CandidateEvaluator(TinyTasks.Options);
        var plan = TinyTasks.Plan("parameters", "validation_accuracy", "test_accuracy@" + TinyTasks.Spirals, "validation_rmse");
        var report = evaluator.Evaluate(TinyTasks.Job("relu(x)", plan), NoEquivalenceLookup.Instance, CancellationToken.None);

        Assert.Equal(EvaluationStatus.Accepted, report.Result.Status);
        var o = report.Result.Objectives!;
        Assert.Equal(4, o.Length);
        Assert.Equal(TinyParameters, o[0]);
        Assert.Equal(report.Metrics[TinyTasks.Spirals + "/validation_accuracy"], o[1]);
        Assert.InRange(o[1], 0.5, 1.0);
        Assert.Equal(report.Metrics[TinyTasks.Spirals + "/test_accuracy"], o[2]);
        Assert.True(double.IsNaN(o[3]), "a classifier has no rmse");
        Assert.Equal(32, report.Metrics[TinyTasks.Spirals + "/steps"]); // 800 training points / 50, two epochs
        foreach (var stage in new[] { StageNames.Structural, StageNames.NumericSanity, StageNames.FunctionalEquivalence,
                     StageNames.QualityHurdle, CandidateEvaluator.TrainingStage })
        {
            Assert.Equal(1, report.Stages[stage].Examined);
            Assert.True(report.Metrics.ContainsKey($"stage/{stage}/seconds"));
        }
        Assert.True(report.Stages[CandidateEvaluator.TrainingStage].Seconds > 0);
        Assert.Empty(report.Learned);
    }

    [Fact]
    public void Objectives_without_a_task_are_averaged_over_tasks_and_seeds()
    {
        using var evaluator = new CandidateEvaluator(TinyTasks.Options);
        var plan = TinyTasks.Plan("validation_accuracy", "validation_accuracy@" + TinyTasks.Checker) with
        {
            Tasks = [TinyTasks.Spirals, TinyTasks.Checker], Seeds = 2,
        };
        var report = evaluator.Evaluate(TinyTasks.Job("tanh(x)", plan), NoEquivalenceLookup.Instance, CancellationToken.None);

        var o = report.Result.Objectives!;
        double spirals = report.Metrics[TinyTasks.Spirals + "/validation_accuracy"], checker = report.Metrics[TinyTasks.Checker + "/validation_accuracy"];
        Assert.Equal((spirals + checker) / 2, o[0], 12);
        Assert.Equal(checker, o[1]);
        Assert.Equal(64, report.Metrics[TinyTasks.Checker + "/steps"]); // summed over the two seeds
        Assert.Equal(2, evaluator.CachedTaskCount);
    }

    [Fact]
    public void Learned_scalars_come_back_trained()
    {
        using var evaluator = new CandidateEvaluator(TinyTasks.Options);
        var report = evaluator.Evaluate(TinyTasks.Job("x * sigmoid(@b(1) * x)"), NoEquivalenceLookup.Instance, CancellationToken.None);
        Assert.Equal(EvaluationStatus.Accepted, report.Result.Status);
        double b = Assert.Single(report.Learned, kv => kv.Key == "b").Value;
        Assert.True(double.IsFinite(b));
        Assert.NotEqual(1.0, b); // Adam moved it from its init
    }

    [Fact]
    public void The_same_job_twice_gives_the_same_report()
    {
        var job = TinyTasks.Job("x * sigmoid(@b(1) * x) + 0.1 * x",
            TinyTasks.Plan("validation_accuracy", "test_accuracy", "parameters") with { Seeds = 2 }, seed: 99);
        using var a = new CandidateEvaluator(TinyTasks.Options);
        var first = a.Evaluate(job, NoEquivalenceLookup.Instance, CancellationToken.None);
        var again = a.Evaluate(job, NoEquivalenceLookup.Instance, CancellationToken.None);
        using var b = new CandidateEvaluator(TinyTasks.Options);
        var fresh = b.Evaluate(job, NoEquivalenceLookup.Instance, CancellationToken.None);

        Assert.Equal(first.Result.Objectives, again.Result.Objectives);
        Assert.Equal(first.Result.Objectives, fresh.Result.Objectives);
        Assert.Equal(first.Fingerprint, fresh.Fingerprint);
        Assert.Equal(first.Learned, fresh.Learned);
        var otherSeed = a.Evaluate(job with { Seed = 100 }, NoEquivalenceLookup.Instance, CancellationToken.None);
        Assert.NotEqual(first.Result.Objectives, otherSeed.Result.Objectives);
    }

    [Fact]
    public void Twenty_evaluations_leave_no_tensor_behind()
    {
        string[] genomes = ["relu(x)", "1 / x", "x - x", "x * sigmoid(@b(1) * x)", "exp(exp(x))", "x +", "tanh(x) * @a(0.5)"];
        var cache = new FunctionalEquivalenceCache();
        long beforeEvaluator = LiveTensors.Count;
        using (var evaluator = new CandidateEvaluator(TinyTasks.Options))
        {
            evaluator.Evaluate(TinyTasks.Job("relu(x)"), NoEquivalenceLookup.Instance, CancellationToken.None); // prepares the data
            long baseline = LiveTensors.Count;
            for (int i = 0; i < 20; i++)
            {
                var report = evaluator.Evaluate(TinyTasks.Job(genomes[i % genomes.Length], seed: (ulong)i),
                    new CacheEquivalenceLookup(cache), CancellationToken.None);
                if (report.Fingerprint is { } fp && report.Result.Status != EvaluationStatus.Failed) cache.Add(fp, report.Result);
            }
            Assert.True(cache.Hits > 0, "some evaluations should have been cache hits");
            Assert.Equal(baseline, LiveTensors.Count);
        }
        Assert.Equal(beforeEvaluator, LiveTensors.Count); // Dispose frees the cached task data
    }

    [Fact]
    public void A_cancelled_token_stops_before_any_work()
    {
        using var evaluator = new CandidateEvaluator(TinyTasks.Options);
        Assert.Throws<OperationCanceledException>(() =>
            evaluator.Evaluate(TinyTasks.Job("relu(x)"), NoEquivalenceLookup.Instance, new CancellationToken(canceled: true)));
        Assert.Equal(0, evaluator.CachedTaskCount);
    }

    [Fact]
    public void Cancellation_stops_a_training_that_would_run_for_hours()
    {
        using var evaluator = new CandidateEvaluator(TinyTasks.Options);
        var plan = TinyTasks.Plan() with { Tasks = [TinyTasks.Endless] };
        evaluator.Evaluate(TinyTasks.Job("x +", plan), NoEquivalenceLookup.Instance, CancellationToken.None); // prepares the data
        long baseline = LiveTensors.Count;

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        Assert.ThrowsAny<OperationCanceledException>(() =>
            evaluator.Evaluate(TinyTasks.Job("relu(x)", plan), NoEquivalenceLookup.Instance, cancel.Token));

        Assert.Equal(baseline, LiveTensors.Count);
        var after = evaluator.Evaluate(TinyTasks.Job("1 / x", plan), NoEquivalenceLookup.Instance, CancellationToken.None);
        Assert.Equal(StageNames.NumericSanity, after.Result.Stage); // still usable
    }
}
