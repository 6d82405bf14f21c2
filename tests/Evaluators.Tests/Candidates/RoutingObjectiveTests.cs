using Evaluators.Candidates;
using Evaluators.Runtime;
using Search.Core;
using Search.Rejection;

namespace Evaluators.Tests.Candidates;

/// <summary>
/// A routing candidate evaluated end to end: the mixture-of-experts measures its layers report on the
/// validation split reach the objectives and the report's metrics, and families without them get NaN.
/// </summary>
public class RoutingObjectiveTests
{
    private static readonly string[] Objectives = ["validation_loss", "active_experts", "max_vio", "load_cv", "dropped_fraction"];

    public RoutingObjectiveTests() => TorchRuntime.EnsureReady(1);

    private static EvaluationReport Evaluate(string family, string genome)
    {
        using var evaluator = new CandidateEvaluator(TinyTasks.Options);
        var plan = new EvaluationPlan { Tasks = [TinyTasks.Moe], Objectives = Objectives, Hurdle = null };
        return evaluator.Evaluate(new EvaluationJob(family, genome, 7, plan), NoEquivalenceLookup.Instance, default);
    }

    [Fact]
    public void Drop_free_top_2_runs_exactly_two_experts_per_token()
    {
        var report = Evaluate("routing", "gate=softmax_topk experts=8 k=2 tau=1 lb=0.01 capacity=4 zloss=0.001");
        Assert.Equal(EvaluationStatus.Accepted, report.Result.Status);
        var o = report.Result.Objectives!;
        Assert.Equal(report.Metrics[$"{TinyTasks.Moe}/validation_loss"], o[0]);
        Assert.True(double.IsFinite(o[0]) && o[0] > 0);
        Assert.Equal(2.0, o[1]);                       // every token's two routes ran (capacity 4 = E / k never drops)
        Assert.Equal(report.Metrics[$"{TinyTasks.Moe}/max_vio"], o[2]);
        Assert.True(o[2] >= 0 && o[3] >= 0);
        Assert.Equal(0.0, o[4]);
    }

    [Fact]
    public void Expert_choice_loads_are_even_by_construction()
    {
        var report = Evaluate("routing", "gate=expert_choice experts=4 tau=1 capacity=2 zloss=0");
        Assert.Equal(EvaluationStatus.Accepted, report.Result.Status);
        var o = report.Result.Objectives!;
        Assert.Equal(0.0, o[2]);                       // every expert took exactly C tokens
        Assert.Equal(0.0, o[3]);
        Assert.Equal(2.0, o[1], 1e-12);               // 4 experts x C = 2 N / 4 tokens each, over N tokens
        Assert.InRange(o[4], 0, 1);
    }

    [Fact]
    public void Families_without_measures_report_them_as_nan()
    {
        using var evaluator = new CandidateEvaluator(TinyTasks.Options);
        var plan = TinyTasks.Plan("validation_loss", "max_vio") with { Hurdle = null };
        var report = evaluator.Evaluate(TinyTasks.Job("relu(x)", plan), NoEquivalenceLookup.Instance, default);
        Assert.Equal(EvaluationStatus.Accepted, report.Result.Status);
        Assert.True(double.IsFinite(report.Result.Objectives![0]));
        Assert.True(double.IsNaN(report.Result.Objectives[1]));
        Assert.False(report.Metrics.ContainsKey($"{TinyTasks.Spirals}/max_vio"));
    }

    [Fact]
    public void Every_catalogued_metric_parses_as_an_objective()
    {
        foreach (var name in MetricCatalog.Names)
            Assert.Equal(name, ObjectiveSpec.Parse(name, [TinyTasks.Moe]).Metric);
        Assert.Contains("unknown metric 'maxvio'", Assert.Throws<ArgumentException>(() => ObjectiveSpec.Parse("maxvio", [TinyTasks.Moe])).Message);
    }
}
