using Evaluators.Candidates;
using Evaluators.Families.NormAct;
using Evaluators.Candidates.Stages;
using Evaluators.Compile.Checks;
using Evaluators.Runtime;
using Search.Rejection;

namespace Evaluators.Tests.Candidates.NormAct;

/// <summary>The stability stage on a small CNN over blob images: stable layers pass, compounding ones are caught.</summary>
public class StabilityStageTests
{
    public StabilityStageTests() => TorchRuntime.EnsureReady(1);

    [Theory]
    [InlineData(NormActCheck.BnRelu)]
    [InlineData(NormActCheck.EvoNormS0)]
    [InlineData(NormActCheck.EvoNormB0)]
    public void Known_layers_pass_far_below_the_threshold(string genome)
    {
        using var task = new DisposableTask(StabilityTasks.Blobs());
        var (verdict, max) = StabilityTasks.Check(task.Task, genome);
        Assert.Equal(VerdictKind.Pass, verdict.Kind);
        Assert.InRange(max, 1e-3, 1e4);
    }

    [Fact]
    public void A_layer_that_cubes_its_scale_passes_numeric_sanity_but_not_stability()
    {
        // x * E[x^2] scales like s^3: harmless on the probe, but ascent compounds it through the layers.
        const string genome = "x * batch_m2(x)";
        var context = new CandidateContext(new EvaluationJob("norm-act", genome, 1, new EvaluationPlan()), CancellationToken.None)
        {
            Compiled = new NormActCandidateCompiler().Compile(genome),
        };
        Assert.Equal(VerdictKind.Pass, new NumericSanityStage(new SanitySettings()).Check(context).Kind);

        using var task = new DisposableTask(StabilityTasks.Blobs());
        var (verdict, max) = StabilityTasks.Check(task.Task, genome);
        Assert.Equal(VerdictKind.Reject, verdict.Kind);
        Assert.Contains("exceeds 1E+08", verdict.Reason);
        Assert.True(max > 1e8);
        // Fewer, shorter steps do not get there: the ascent is what finds it.
        Assert.Equal(VerdictKind.Pass, StabilityTasks.Check(task.Task, genome, new StabilitySettings { Steps = 2, StepSize = 0.25 }).Verdict.Kind);
    }

    [Fact]
    public void Non_finite_norms_reject_and_the_threshold_is_the_settings()
    {
        using var task = new DisposableTask(StabilityTasks.Blobs());
        var exploding = StabilityTasks.Check(task.Task, "exp(x * gamma)").Verdict;
        Assert.Equal(VerdictKind.Reject, exploding.Kind);
        Assert.Contains("non-finite", exploding.Reason);

        var strict = StabilityTasks.Check(task.Task, NormActCheck.BnRelu, new StabilitySettings { MaxGradientNorm = 1e-3 }).Verdict;
        Assert.Equal(VerdictKind.Reject, strict.Kind);
        Assert.Contains("at ascent step 0", strict.Reason);
    }

    [Fact]
    public void A_check_leaves_no_tensor_behind()
    {
        using var task = new DisposableTask(StabilityTasks.Blobs());
        StabilityTasks.Check(task.Task, NormActCheck.EvoNormS0);
        long before = LiveTensors.Count;
        StabilityTasks.Check(task.Task, NormActCheck.EvoNormS0);
        StabilityTasks.Check(task.Task, "x * batch_m2(x)"); // rejected part-way
        Assert.Equal(before, LiveTensors.Count);
    }
}
