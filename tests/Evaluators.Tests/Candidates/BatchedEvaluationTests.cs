using Evaluators.Candidates;
using Evaluators.Runtime;
using Search.Core;
using Search.Rejection;

namespace Evaluators.Tests.Candidates;

/// <summary>EvaluateBatch: every job's report equals its one-by-one report, up to float rounding and timings.</summary>
public class BatchedEvaluationTests
{
    private static void AssertSameReport(EvaluationReport solo, EvaluationReport batched, string who)
    {
        Assert.Equal(solo.Result.Status, batched.Result.Status);
        Assert.Equal(solo.Result.Stage, batched.Result.Stage);
        Assert.Equal(solo.Result.Reason, batched.Result.Reason);
        Assert.Equal(solo.Result.Objectives?.Length, batched.Result.Objectives?.Length);
        for (int i = 0; i < (solo.Result.Objectives?.Length ?? 0); i++)
            Assert.True(Close(solo.Result.Objectives![i], batched.Result.Objectives![i]), $"{who} objective {i}: {solo.Result.Objectives[i]} vs {batched.Result.Objectives[i]}");
        static bool Timing(string key) => key.EndsWith("seconds", StringComparison.Ordinal) || key.EndsWith("steps_per_second", StringComparison.Ordinal);
        Assert.Equal(solo.Metrics.Keys.Order(), batched.Metrics.Keys.Order());
        foreach (var (key, value) in solo.Metrics)
            if (!Timing(key)) Assert.True(Close(value, batched.Metrics[key]), $"{who} {key}: {value} vs {batched.Metrics[key]}");
        Assert.Equal(solo.Learned.Keys.Order(), batched.Learned.Keys.Order());
        foreach (var (key, value) in solo.Learned) Assert.True(Close(value, batched.Learned[key]), $"{who} learned {key}");
        Assert.Equal(solo.Fingerprint, batched.Fingerprint);
        Assert.Equal(solo.Stages.Stages.Select(s => (s.Name, s.Examined, s.Rejected)), batched.Stages.Stages.Select(s => (s.Name, s.Examined, s.Rejected)));
    }

    private static bool Close(double a, double b) =>
        double.IsNaN(a) ? double.IsNaN(b) : Math.Abs(a - b) <= 1e-4 * Math.Max(1, Math.Abs(a));

    [Fact]
    public void A_batch_of_jobs_reports_what_each_reports_alone()
    {
        var plan = TinyTasks.Plan("validation_accuracy", "test_accuracy", "parameters") with
        {
            Tasks = [TinyTasks.Spirals, TinyTasks.Checker], Seeds = 2,
        };
        var explode = TinyTasks.Plan() with { Tasks = [TinyTasks.Explode], Hurdle = null };
        EvaluationJob[] jobs =
        [
            TinyTasks.Job("relu(x)", plan, seed: 1),
            TinyTasks.Job("tanh(x)", plan, seed: 2),
            TinyTasks.Job("y + 1", plan, seed: 3), // structural rejection
            TinyTasks.Job("x * sigmoid(@b(1.5) * x)", plan, seed: 4),
            TinyTasks.Job("relu(x) + @e(0.01) * x * exp(-x^2 / 2)", plan, seed: 5),
            TinyTasks.Job("silu(x)", explode, seed: 6), // diverges, in a group of its own plan
            TinyTasks.Job("gelu(x)", explode, seed: 7),
            TinyTasks.Job("elu(x)", plan, seed: 4), // same seed as another job
        ];
        EvaluationReport[] solo;
        using (var evaluator = new CandidateEvaluator(TinyTasks.Options))
            solo = jobs.Select(j => evaluator.Evaluate(j, NoEquivalenceLookup.Instance, CancellationToken.None)).ToArray();
        using var batchedEvaluator = new CandidateEvaluator(TinyTasks.Options);
        var batched = batchedEvaluator.EvaluateBatch(jobs, NoEquivalenceLookup.Instance, CancellationToken.None);
        Assert.Null(batchedEvaluator.LastBatchFallback);
        Assert.Equal(2 * 2 + 1, batchedEvaluator.BatchedRuns); // five jobs on 2 tasks x 2 seeds, two on the exploding task

        Assert.Equal(jobs.Length, batched.Count);
        for (int i = 0; i < jobs.Length; i++) AssertSameReport(solo[i], batched[i], jobs[i].GenomeText);
        Assert.Equal(EvaluationStatus.Accepted, batched[0].Result.Status);
        Assert.Equal(EvaluationStatus.Rejected, batched[2].Result.Status);
        Assert.Equal(CandidateEvaluator.TrainingStage, batched[5].Result.Stage);
        Assert.NotEmpty(batched[3].Learned);
    }

    [Fact]
    public void A_batch_leaves_the_live_tensor_count_where_it_was()
    {
        using var evaluator = new CandidateEvaluator(TinyTasks.Options);
        EvaluationJob[] jobs = [TinyTasks.Job("relu(x)", seed: 1), TinyTasks.Job("x * sigmoid(@b(1.5) * x)", seed: 2), TinyTasks.Job("tanh(x)", seed: 3)];
        evaluator.EvaluateBatch(jobs, NoEquivalenceLookup.Instance, CancellationToken.None); // prepares the data, warms up
        long before = LiveTensors.Count;
        evaluator.EvaluateBatch(jobs, NoEquivalenceLookup.Instance, CancellationToken.None);
        Assert.Equal(before, LiveTensors.Count);
    }

    [Fact]
    public void Cancellation_throws_out_of_a_batch()
    {
        using var evaluator = new CandidateEvaluator(TinyTasks.Options);
        var endless = TinyTasks.Plan() with { Tasks = [TinyTasks.Endless], Hurdle = null };
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        Assert.ThrowsAny<OperationCanceledException>(() => evaluator.EvaluateBatch(
            [TinyTasks.Job("relu(x)", endless, seed: 1), TinyTasks.Job("tanh(x)", endless, seed: 2)], NoEquivalenceLookup.Instance, cancel.Token));
    }
}
