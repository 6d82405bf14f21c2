using Evaluators.Candidates;
using Search.Core;
using Search.Genomes.Activation;
using Search.Rejection;

namespace Evaluators.Tests.Candidates;

/// <summary>Fingerprints of compiled candidates, and what a cache hit spares.</summary>
public class EquivalenceTests
{
    // A stored rejection stops every candidate at the equivalence stage: no training, only fingerprints.
    private static ProbeFingerprint FingerprintOf(CandidateEvaluator evaluator, string genome)
    {
        var lookup = new RecordingLookup(EvaluationResult.Reject("quality", "stored"));
        var report = evaluator.Evaluate(TinyTasks.Job(genome), lookup, CancellationToken.None);
        Assert.Equal(1, report.Metrics["reused"]);
        Assert.Equal(report.Fingerprint, Assert.Single(lookup.Asked));
        return report.Fingerprint!.Value;
    }

    [Theory]
    [InlineData("max(x, 0)", "relu(x)")]
    [InlineData("x * sigmoid(x)", "silu(x)")]
    [InlineData("x * sigmoid(@b(1) * x)", "silu(x)")]
    [InlineData("x / (1 + exp(-x))", "silu(x)")]
    public void Equal_functions_written_differently_collide(string a, string b)
    {
        using var evaluator = new CandidateEvaluator(TinyTasks.Options);
        Assert.Equal(FingerprintOf(evaluator, a), FingerprintOf(evaluator, b));
    }

    [Theory]
    [InlineData("x * sigmoid(1.001 * x)", "silu(x)")]
    [InlineData("relu(x)", "leaky_relu(x)")]
    [InlineData("gelu(x)", "silu(x)")]
    public void Different_functions_do_not_collide(string a, string b)
    {
        using var evaluator = new CandidateEvaluator(TinyTasks.Options);
        Assert.NotEqual(FingerprintOf(evaluator, a), FingerprintOf(evaluator, b));
    }

    [Theory]
    [InlineData("relu(x)")]
    [InlineData("silu(x)")]
    [InlineData("tanh(x) * x + 0.5 * x")]
    public void The_compiled_fingerprint_matches_the_engines_pure_evaluation(string genome)
    {
        using var evaluator = new CandidateEvaluator(TinyTasks.Options);
        var parsed = new ActivationFamily().Parse(genome);
        Assert.Equal(ProbeFingerprint.OfFunction(parsed.Evaluate), FingerprintOf(evaluator, genome));
    }

    [Fact]
    public void A_cache_hit_returns_the_stored_result_without_training()
    {
        var stored = EvaluationResult.Accept(0.875, 1234) with { Seconds = 42 };
        using var evaluator = new CandidateEvaluator(TinyTasks.Options);
        var report = evaluator.Evaluate(TinyTasks.Job("relu(x)", TinyTasks.Plan("validation_accuracy", "parameters")),
            new RecordingLookup(stored), CancellationToken.None);

        Assert.Same(stored, report.Result);
        Assert.Equal(1, report.Metrics["reused"]);
        Assert.Equal(1, report.Stages[StageNames.FunctionalEquivalence].Reused);
        Assert.Equal(0, report.Stages[StageNames.QualityHurdle].Examined);
        Assert.Equal(0, report.Stages[CandidateEvaluator.TrainingStage].Examined);
        Assert.Equal(0, report.Stages[CandidateEvaluator.TrainingStage].Seconds);
        Assert.DoesNotContain(report.Metrics.Keys, k => k.StartsWith("hurdle/") || k.StartsWith(TinyTasks.Spirals + "/"));
        Assert.True(report.Stages[StageNames.FunctionalEquivalence].ComputeSavedSeconds > 0);
    }

    [Fact]
    public void A_measured_result_stored_in_the_engines_cache_serves_an_equivalent_genome()
    {
        var cache = new FunctionalEquivalenceCache();
        var lookup = new CacheEquivalenceLookup(cache);
        using var evaluator = new CandidateEvaluator(TinyTasks.Options);
        var first = evaluator.Evaluate(TinyTasks.Job("relu(x)"), lookup, CancellationToken.None);
        Assert.Equal(EvaluationStatus.Accepted, first.Result.Status);
        cache.Add(first.Fingerprint!.Value, first.Result);

        var second = evaluator.Evaluate(TinyTasks.Job("max(x, 0)"), lookup, CancellationToken.None);
        Assert.Same(first.Result, second.Result);
        Assert.Equal(1, second.Metrics["reused"]);
    }

    [Fact]
    public void Plans_without_the_cache_never_ask_it()
    {
        var lookup = new RecordingLookup(EvaluationResult.Reject("quality", "stored"));
        using var evaluator = new CandidateEvaluator(TinyTasks.Options);
        var plan = TinyTasks.Plan() with { EquivalenceCache = false };
        var report = evaluator.Evaluate(TinyTasks.Job("relu(x)", plan), lookup, CancellationToken.None);
        Assert.Empty(lookup.Asked);
        Assert.Equal(EvaluationStatus.Accepted, report.Result.Status);
        Assert.NotNull(report.Fingerprint); // still reported, so the host can cache the result
    }
}
