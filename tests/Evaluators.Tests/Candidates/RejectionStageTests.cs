using Evaluators.Families;
using Evaluators.Candidates;
using Evaluators.Families.Activation;
using Search.Core;
using Search.Genomes.Activation;
using Search.Rejection;

namespace Evaluators.Tests.Candidates;

/// <summary>Each stage rejects what it should, names itself, and spares the stages after it.</summary>
public class RejectionStageTests
{
    private static EvaluationReport Evaluate(string genome, EvaluationPlan? plan = null, FamilySpace? space = null)
    {
        using var evaluator = new CandidateEvaluator(TinyTasks.Options);
        return evaluator.Evaluate(TinyTasks.Job(genome, plan) with { Space = space }, NoEquivalenceLookup.Instance, CancellationToken.None);
    }

    private static void AssertRejected(EvaluationReport report, string stage, string reasonPart)
    {
        Assert.Equal(EvaluationStatus.Rejected, report.Result.Status);
        Assert.Equal(stage, report.Result.Stage);
        Assert.Contains(reasonPart, report.Result.Reason);
        Assert.Null(report.Result.Objectives);
        Assert.Equal(1, report.Stages[stage].Rejected);
    }

    [Theory]
    [InlineData("x +", "does not parse")]
    [InlineData("sin(2) + 3", "does not depend on x")]
    [InlineData("frobnicate(x)", "does not parse")]
    public void Structural_stage_rejects_bad_text(string genome, string reason)
    {
        var report = Evaluate(genome);
        AssertRejected(report, StageNames.Structural, reason);
        Assert.Equal(0, report.Stages[StageNames.NumericSanity].Examined);
        Assert.Null(report.Fingerprint);
    }

    [Fact]
    public void Structural_stage_applies_the_space_limits()
    {
        var space = new FamilySpace(new ActivationLayerFamily(), new ActivationSpace { MaxNodes = 7 });
        AssertRejected(Evaluate("x * x * x * x * x", space: space), StageNames.Structural, "9 nodes, limit 7");
    }

    [Theory]
    [InlineData("exp(exp(x))", "exceeds the limit")]          // e^e^6 ~ 1e175: finite in float64, far beyond MaxAbsOutput
    [InlineData("1 / x", "non-finite output")]                // inf at the probe x = 0
    [InlineData("x - x", "near-constant output")]             // not folded by the canonicaliser, constant all the same
    [InlineData("0.000001 * x", "near-constant output")]
    [InlineData("1 / (x + 0.0005)", "input gradient")]        // |f| <= 2000 on the probes, |f'| ~ 4e6 near 0
    [InlineData("sqrt(abs(x))", "non-finite input gradient")] // infinite slope at 0
    public void Numeric_stage_rejects_hopeless_functions_before_training(string genome, string reason)
    {
        var report = Evaluate(genome);
        AssertRejected(report, StageNames.NumericSanity, reason);
        Assert.Equal(0, report.Stages[StageNames.QualityHurdle].Examined);
        Assert.False(report.Metrics.ContainsKey("hurdle/seconds"));
    }

    [Fact]
    public void Numeric_thresholds_come_from_the_plan()
    {
        var strict = TinyTasks.Plan() with { Sanity = new SanitySettings { MaxAbsOutput = 5 } };
        AssertRejected(Evaluate("relu(x)", strict), StageNames.NumericSanity, "output 6 at x = 6 exceeds the limit 5");
    }

    [Fact]
    public void Quality_hurdle_rejects_a_function_that_cannot_learn_enough()
    {
        // A near-linear network cannot separate two spirals; 0.95 after 10 steps is out of reach.
        var plan = TinyTasks.Plan() with { Hurdle = new HurdleSettings { Steps = 10, MinValidationAccuracy = 0.95 } };
        var report = Evaluate("0.001 * x", plan);
        AssertRejected(report, StageNames.QualityHurdle, "below 0.95");
        Assert.Equal(10, report.Metrics["hurdle/steps"]);
        Assert.Equal(0, report.Stages[CandidateEvaluator.TrainingStage].Examined);
    }

    [Fact]
    public void The_hurdle_runs_on_its_own_task_when_named()
    {
        var plan = TinyTasks.Plan() with { Hurdle = new HurdleSettings { Task = TinyTasks.Explode, Steps = 20, MinValidationAccuracy = 0 } };
        var report = Evaluate("relu(x)", plan);
        AssertRejected(report, StageNames.QualityHurdle, "diverged");
        Assert.Contains(TinyTasks.Explode, report.Result.Reason);
    }

    [Fact]
    public void Diverged_full_training_is_rejected_at_the_training_stage()
    {
        var plan = new EvaluationPlan { Tasks = [TinyTasks.Explode], Hurdle = null };
        var report = Evaluate("relu(x)", plan);
        AssertRejected(report, CandidateEvaluator.TrainingStage, "diverged");
        Assert.Equal(1, report.Stages[CandidateEvaluator.TrainingStage].Examined);
    }

    [Fact]
    public void Rejections_record_estimated_compute_saved()
    {
        var report = Evaluate("1 / x");
        Assert.True(report.Stages[StageNames.NumericSanity].ComputeSavedSeconds > 0);
        Assert.Equal(1, report.Stages[StageNames.Structural].Examined);
        Assert.Equal(0, report.Stages[StageNames.Structural].Rejected);
    }

    [Fact]
    public void Configuration_errors_fail_the_job_with_the_message()
    {
        using var evaluator = new CandidateEvaluator(TinyTasks.Options);
        var wrongFamily = evaluator.Evaluate(TinyTasks.Job("relu(x)") with { Family = "routing" }, NoEquivalenceLookup.Instance, default);
        Assert.Equal(EvaluationStatus.Rejected, wrongFamily.Result.Status); // not a routing genome: the structural stage rejects it
        Assert.Contains("key", wrongFamily.Result.Reason); // a routing genome is key=value pairs; the parser names what it expected

        var unknownFamily = evaluator.Evaluate(TinyTasks.Job("relu(x)") with { Family = "spline" }, NoEquivalenceLookup.Instance, default);
        Assert.Equal(EvaluationStatus.Failed, unknownFamily.Result.Status);
        Assert.Contains("unknown family 'spline'", unknownFamily.Result.Reason);

        var badObjective = evaluator.Evaluate(TinyTasks.Job("relu(x)", TinyTasks.Plan("accuracy@nowhere")), NoEquivalenceLookup.Instance, default);
        Assert.Equal(EvaluationStatus.Failed, badObjective.Result.Status);
        Assert.Contains("unknown metric 'accuracy'", badObjective.Result.Reason);
    }
}
