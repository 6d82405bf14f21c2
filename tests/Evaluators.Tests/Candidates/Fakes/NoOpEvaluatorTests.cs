using Evaluators.Candidates;
using Evaluators.Candidates.Fakes;
using Search.Core;

namespace Evaluators.Tests.Candidates.Fakes;

public class NoOpEvaluatorTests
{
    private static readonly EvaluationPlan Plan = new() { Objectives = ["validation_accuracy", "parameters", "step_seconds@fmnist-deep-mlp"] };

    private static double[] Objectives(string genome, ulong seed) =>
        new NoOpEvaluator().Evaluate(new EvaluationJob("activation", genome, seed, Plan), NoEquivalenceLookup.Instance, default)
            .Result.Objectives!;

    [Fact]
    public void Objectives_are_a_pure_function_of_genome_and_seed()
    {
        Assert.Equal(Objectives("relu(x)", 1), Objectives("relu(x)", 1));
        Assert.NotEqual(Objectives("relu(x)", 1), Objectives("relu(x)", 2));
        Assert.NotEqual(Objectives("relu(x)", 1), Objectives("gelu(x)", 1));
    }

    [Fact]
    public void Objectives_follow_the_plan_and_stay_in_their_ranges()
    {
        for (ulong seed = 0; seed < 50; seed++)
        {
            var o = Objectives("x * sigmoid(x)", seed);
            Assert.Equal(3, o.Length);
            Assert.InRange(o[0], 0, 1);
            Assert.InRange(o[1], 1000, 100_000);
            Assert.Equal(Math.Floor(o[1]), o[1]);
            Assert.InRange(o[2], 1e-3, 2e-3);
        }
    }

    [Fact]
    public void Every_job_is_accepted_even_one_that_does_not_parse()
    {
        var report = new NoOpEvaluator().Evaluate(new EvaluationJob("activation", "x +", 3, Plan), NoEquivalenceLookup.Instance, default);
        Assert.Equal(EvaluationStatus.Accepted, report.Result.Status);
        Assert.Null(report.Fingerprint);
    }

    [Fact]
    public void A_cancelled_job_throws()
    {
        Assert.Throws<OperationCanceledException>(() => new NoOpEvaluator().Evaluate(
            new EvaluationJob("activation", "relu(x)", 3, Plan), NoEquivalenceLookup.Instance, new CancellationToken(true)));
    }
}
