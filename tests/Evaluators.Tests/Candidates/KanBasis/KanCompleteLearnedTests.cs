using Evaluators.Candidates;
using Evaluators.Candidates.Training;
using Evaluators.Families.KanBasis;
using Evaluators.Models;
using Evaluators.Runtime;
using Evaluators.Tasks;
using Evaluators.Training;
using Search.Core;
using Search.Genomes.KanBasis;

namespace Evaluators.Tests.Candidates.KanBasis;

/// <summary>
/// A KAN network above <see cref="KanLearned.MaxValues"/> values: a run's evaluator keeps only its widths,
/// one with <see cref="CandidateEvaluatorOptions.CompleteLearned"/> (export's retraining) every value,
/// and both train the same network from the same seed; so does one that reports its training's progress
/// (<see cref="CandidateEvaluatorOptions.TrainingProgress"/>, export's progress lines).
/// </summary>
public sealed class KanCompleteLearnedTests
{
    private const string Wide = "tiny-kan-wide";
    private const int Hidden = 50;

    public KanCompleteLearnedTests() => TorchRuntime.EnsureReady(1);

    // kan-100d's generated points through a [100, 50, 1] KAN: 5,050 edges, over 20,000 values; one epoch of Adam.
    private static ProxyTask Resolve(string name) => name == Wide
        ? new ProxyTask(Wide, "kan-100d", new LinearSlotNet(Hidden), new TrainingSettings { Epochs = 1, BatchSize = 100 }, "wide KAN", Standardize: false)
        : ProxyTasks.Get(name);

    private static readonly string Genome = KanBasisGenome.Create([KanLayer.Create(new BSplineBasis(3, 1)), KanLayer.Create(new BSplineBasis(3, 1))]).Text;

    private static EvaluationReport Evaluate(bool complete, Action<CandidateTrainingProgress>? progress = null)
    {
        using var evaluator = new CandidateEvaluator(new CandidateEvaluatorOptions
            { ResolveTask = Resolve, Threads = 1, CompleteLearned = complete, TrainingProgress = progress });
        var plan = new EvaluationPlan { Tasks = [Wide], Objectives = ["validation_rmse"], Hurdle = null };
        var report = evaluator.Evaluate(new EvaluationJob("kan-basis", Genome, 17, plan), NoEquivalenceLookup.Instance, CancellationToken.None);
        Assert.True(report.Result.Status == EvaluationStatus.Accepted, $"{report.Result.Stage}: {report.Result.Reason}");
        return report;
    }

    [Fact]
    public void Complete_learned_values_carry_the_tensors_the_default_caps()
    {
        var capped = Evaluate(complete: false);
        var complete = Evaluate(complete: true);

        var kept = KanLearned.Parse(capped.Learned);
        Assert.True(kept.Values > KanLearned.MaxValues, $"{kept.Values} values");
        Assert.Equal([100, Hidden, 1], kept.Widths);
        Assert.Null(kept.Tensors);
        Assert.True(KanLearned.LacksTensors(capped.Learned));

        var all = KanLearned.Parse(complete.Learned);
        Assert.Equal(kept.Values, all.Values);
        Assert.Equal(kept.Widths, all.Widths);
        Assert.NotNull(all.Tensors);
        Assert.False(KanLearned.LacksTensors(complete.Learned));
        Assert.Equal(100 * Hidden, all.Tensors["layer0.base_weight"].Length);
        Assert.Equal(Hidden, all.Tensors["layer1.base_weight"].Length);
        // Every parameter value is there (buffers come on top).
        Assert.True(all.Tensors.Values.Sum(t => (long)t.Length) >= all.Values);
        // Same seed, same training: reading it whole changes nothing else.
        Assert.Equal(capped.Result.Objectives, complete.Result.Objectives);
    }

    [Fact]
    public void Training_progress_names_the_task_and_reaches_the_last_step_without_changing_the_training()
    {
        var told = new List<CandidateTrainingProgress>();
        var reported = Evaluate(complete: true, told.Add);
        Assert.NotEmpty(told);
        Assert.All(told, p => Assert.Equal((Wide, 0, 1), (p.Task, p.Seed, p.Seeds)));
        Assert.Equal(told[^1].Step.TotalSteps, told[^1].Step.Step);
        Assert.True(told.Select(p => p.Step.Step).SequenceEqual(told.Select(p => p.Step.Step).Order()));
        Assert.Equal(Evaluate(complete: false).Result.Objectives, reported.Result.Objectives);
    }
}
