using Evaluators.Candidates;
using Evaluators.Compile.Checks;
using Evaluators.Models;
using Evaluators.Runtime;
using Evaluators.Tasks;
using Evaluators.Tests.Data;
using Evaluators.Training;
using Search.Core;
using Search.Rejection;

namespace Evaluators.Tests.Candidates.NormAct;

/// <summary>Whole evaluations of norm-act jobs: stage order, objectives per task, no leaks.</summary>
public class NormActEvaluationTests
{
    private const string Plain = "tiny-fmnist-plaincnn", Res = "tiny-fmnist-resnet";

    // 320 images, one epoch of 32: ten steps per run, seconds per evaluation.
    private static readonly TrainingSettings Tiny = new() { Epochs = 1, BatchSize = 32, TrainSubset = 320, ValidationFraction = 0.25, LearningRate = 3e-3, EvaluateTestSet = false };

    private static ProxyTask Resolve(string name) => name switch
    {
        Plain => new ProxyTask(Plain, "fashion-mnist", new PlainCnnTemplate(8, 8, 16), Tiny, "tiny plain CNN"),
        Res => new ProxyTask(Res, "fashion-mnist", new ResNetTemplate(4, 8), Tiny, "tiny ResNet"),
        _ => TinyTasks.Resolve(name),
    };

    private static CandidateEvaluatorOptions Options => new() { ResolveTask = Resolve, Threads = 1 };

    private static EvaluationJob Job(string genome, EvaluationPlan plan, ulong seed = 5) => new("norm-act", genome, seed, plan);

    private static EvaluationPlan TwoTasks => new()
    {
        Tasks = [Plain, Res],
        Objectives = ["validation_accuracy@" + Plain, "validation_accuracy@" + Res, "parameters@" + Res],
        Hurdle = new HurdleSettings { Steps = 5, MinValidationAccuracy = 0 },
    };

    [FashionMnistFact]
    public void Bn_relu_is_accepted_with_one_objective_per_task_and_leaves_no_tensor()
    {
        using var evaluator = new CandidateEvaluator(Options);
        var first = evaluator.Evaluate(Job(NormActCheck.BnRelu, TwoTasks), NoEquivalenceLookup.Instance, CancellationToken.None);
        long baseline = LiveTensors.Count;
        var report = evaluator.Evaluate(Job(NormActCheck.BnRelu, TwoTasks, seed: 6), NoEquivalenceLookup.Instance, CancellationToken.None);
        Assert.Equal(baseline, LiveTensors.Count);

        foreach (var r in new[] { first, report })
        {
            Assert.Equal(EvaluationStatus.Accepted, r.Result.Status);
            var o = r.Result.Objectives!;
            Assert.Equal(3, o.Length);
            Assert.Equal(r.Metrics[Plain + "/validation_accuracy"], o[0]);
            Assert.Equal(r.Metrics[Res + "/validation_accuracy"], o[1]);
            Assert.InRange(o[0], 0.0, 1.0);
            Assert.InRange(o[1], 0.0, 1.0);
            Assert.True(o[2] > 1000);
            Assert.True(r.Fingerprint is { IsFinite: true });
            Assert.Empty(r.Learned);
        }
        foreach (var stage in new[] { StageNames.Structural, StageNames.NumericSanity, StageNames.FunctionalEquivalence,
                     StageNames.Stability, StageNames.QualityHurdle, CandidateEvaluator.TrainingStage })
            Assert.Equal(1, report.Stages[stage].Examined);
    }

    [FashionMnistFact]
    public void An_unstable_layer_stops_at_stability_before_the_hurdle_and_the_plan_can_turn_it_off()
    {
        using var evaluator = new CandidateEvaluator(Options);
        // A 40-step hurdle is estimated dearer than 10 ascent steps (~33 step-equivalents), so stability runs first.
        var plan = TwoTasks with { Tasks = [Plain], Objectives = ["validation_accuracy"], Hurdle = new HurdleSettings { Steps = 40, MinValidationAccuracy = 0 } };
        var rejected = evaluator.Evaluate(Job("x * batch_m2(x)", plan), NoEquivalenceLookup.Instance, CancellationToken.None);
        Assert.Equal(EvaluationStatus.Rejected, rejected.Result.Status);
        Assert.Equal(StageNames.Stability, rejected.Result.Stage);
        Assert.Equal(0, rejected.Stages[StageNames.QualityHurdle].Examined);

        var off = evaluator.Evaluate(Job("x * batch_m2(x)", plan with { Stability = new StabilitySettings { Enabled = false } }),
            NoEquivalenceLookup.Instance, CancellationToken.None);
        Assert.NotEqual(StageNames.Stability, off.Result.Stage);
        Assert.Equal(0, off.Stages[StageNames.Stability].Examined);
    }

    [Fact]
    public void Activations_get_the_stability_stage_only_when_the_plan_asks()
    {
        using var evaluator = new CandidateEvaluator(TinyTasks.Options);
        var plain = evaluator.Evaluate(TinyTasks.Job("relu(x)"), NoEquivalenceLookup.Instance, CancellationToken.None);
        Assert.Equal(0, plain.Stages[StageNames.Stability].Examined);
        Assert.Equal(1, plain.Stages[StageNames.QualityHurdle].Examined);
        var asked = evaluator.Evaluate(TinyTasks.Job("relu(x)", TinyTasks.Plan() with { Stability = new StabilitySettings { Steps = 2 } }),
            NoEquivalenceLookup.Instance, CancellationToken.None);
        Assert.Equal(EvaluationStatus.Accepted, asked.Result.Status);
        Assert.Equal(1, asked.Stages[StageNames.Stability].Examined);
    }
}
