using Evaluators.Candidates;
using Evaluators.Candidates.Fakes;
using Search.Core;
using Search.Genomes.Activation;
using Search.Rejection;

namespace Evaluators.Tests.Candidates.Fakes;

public class SyntheticEvaluatorTests
{
    private static readonly EvaluationPlan Plan = new() { Objectives = ["validation_accuracy", "validation_rmse", "parameters"] };

    private static EvaluationReport Evaluate(SyntheticEvaluator e, string genome, ulong seed = 1, IEquivalenceLookup? lookup = null,
        CancellationToken cancel = default) =>
        e.Evaluate(new EvaluationJob("activation", genome, seed, Plan), lookup ?? NoEquivalenceLookup.Instance, cancel);

    [Fact]
    public void The_target_itself_scores_best_and_closer_functions_score_higher()
    {
        var e = new SyntheticEvaluator(new SyntheticSettings { Target = "silu(x)" });
        var exact = Evaluate(e, "x * sigmoid(x)").Result.Objectives!;
        var close = Evaluate(e, "gelu(x)").Result.Objectives!;
        var far = Evaluate(e, "sin(x)").Result.Objectives!;
        Assert.Equal(1.0, exact[0], 12);
        Assert.Equal(0.0, exact[1], 12);
        Assert.True(exact[0] > close[0] && close[0] > far[0]);
        Assert.Equal(new ActivationFamily().Parse("gelu(x)").NodeCount, close[2]);
    }

    [Fact]
    public void Results_are_deterministic_and_noise_follows_the_seed()
    {
        var e = new SyntheticEvaluator(new SyntheticSettings { NoiseStd = 0.01 });
        Assert.Equal(Evaluate(e, "tanh(x)", seed: 5).Result.Objectives, Evaluate(e, "tanh(x)", seed: 5).Result.Objectives);
        Assert.NotEqual(Evaluate(e, "tanh(x)", seed: 5).Result.Objectives![0], Evaluate(e, "tanh(x)", seed: 6).Result.Objectives![0]);
    }

    [Fact]
    public void Bad_genomes_are_rejected_at_the_real_evaluators_stages()
    {
        var e = new SyntheticEvaluator();
        Assert.Equal(StageNames.Structural, Evaluate(e, "x +").Result.Stage);
        var numeric = Evaluate(e, "1 / x");
        Assert.Equal(StageNames.NumericSanity, numeric.Result.Stage);
        Assert.Equal(1, numeric.Stages[StageNames.NumericSanity].Rejected);
    }

    [Fact]
    public void The_fingerprint_is_the_engines_and_a_hit_reuses_the_stored_result()
    {
        var e = new SyntheticEvaluator();
        var stored = EvaluationResult.Accept(0.5, 0.5, 3);
        var lookup = new RecordingLookup(stored);
        var report = Evaluate(e, "max(x, 0)", lookup: lookup);
        Assert.Same(stored, report.Result);
        Assert.Equal(ProbeFingerprint.OfFunction(new ActivationFamily().Parse("relu(x)").Evaluate), Assert.Single(lookup.Asked));
        Assert.Equal(1, report.Stages[StageNames.FunctionalEquivalence].Reused);
    }

    [Fact]
    public void Injected_faults_throw_or_hang_until_cancelled()
    {
        var e = new SyntheticEvaluator(new SyntheticSettings
        {
            Faults = new Dictionary<string, InjectedFault> { ["relu(x)"] = InjectedFault.Throw, ["tanh(x)"] = InjectedFault.Hang },
        });
        // Matched on the canonical text too: max(x, 0) is not relu(x) textually, tanh( x ) is tanh(x).
        Assert.Equal("relu(x)", Assert.Throws<InjectedFaultException>(() => Evaluate(e, "relu(x)")).GenomeText);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        Assert.ThrowsAny<OperationCanceledException>(() => Evaluate(e, "tanh( x )", cancel: cancel.Token));
        Assert.Equal(EvaluationStatus.Accepted, Evaluate(e, "max(x, 0)").Result.Status);
    }

    [Fact]
    public void The_delay_honours_cancellation()
    {
        var e = new SyntheticEvaluator(new SyntheticSettings { Delay = TimeSpan.FromHours(1) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        Assert.ThrowsAny<OperationCanceledException>(() => Evaluate(e, "gelu(x)", cancel: cancel.Token));
        Assert.Equal(StageNames.Structural, Evaluate(e, "x +").Result.Stage); // rejections do not wait
    }
}
