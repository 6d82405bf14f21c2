using Cluster.Confirmation;
using Cluster.Validation;
using Search.Core;

namespace Cluster.Tests.Validation;

/// <summary>Validation gains are paired per seed against every baseline on one task and data directory; "beyond spread" is confirm's rule.</summary>
public sealed class ValidationSummaryTests
{
    private static readonly ConfirmationCandidate Found = new("found", ConfirmationCandidate.FrontRole, 7);
    private static readonly ConfirmationCandidate Close = new("close", ConfirmationCandidate.FrontRole, 9);
    private static readonly ConfirmationCandidate Relu = new("relu(x)", ConfirmationCandidate.BaselineRole, null);
    private static readonly ConfirmationCandidate Elu = new("elu(x)", ConfirmationCandidate.BaselineRole, null);
    private static readonly ConfirmationCandidate[] Candidates = [Found, Close, Relu, Elu];

    private static readonly ObjectiveSet Accuracy = new([new Objective("accuracy", Direction.Maximize)]);

    private static ValidationResult R(ConfirmationCandidate c, int seed, double accuracy, string task = "fmnist-mlp", string? data = null) =>
        new(c.Genome, c.Role, c.ProposalId, task, data, seed, (ulong)seed, [accuracy], null, null, 1);

    [Fact]
    public void A_gain_beyond_both_sds_is_marked_and_one_inside_the_spread_is_not_against_each_baseline()
    {
        var results = new[]
        {
            // relu: mean 0.81, sd 0.01; elu: mean 0.845, sd 0.01.
            R(Relu, 1, 0.80), R(Relu, 2, 0.81), R(Relu, 3, 0.82),
            R(Elu, 1, 0.835), R(Elu, 2, 0.845), R(Elu, 3, 0.855),
            // found: mean 0.85, sd 0.01; vs relu gains 0.05, 0.05, 0.02 (mean 0.04 > 0.01: marked);
            // vs elu gains 0.015, 0.015, -0.015 (mean 0.005 < 0.01: not marked).
            R(Found, 1, 0.85), R(Found, 2, 0.86), R(Found, 3, 0.84),
            // close: mean 0.83, sd sqrt(0.0007) = 0.0265; vs relu gains 0, 0.03, 0.03 (mean 0.02 < 0.0265: not marked).
            R(Close, 1, 0.80), R(Close, 2, 0.84), R(Close, 3, 0.85),
            // Another task and another data directory do not count.
            R(Found, 1, 0.10, task: "fmnist-cnn"), R(Found, 2, 0.10, data: "/elsewhere"),
        };
        var comparisons = ValidationSummary.Of(Accuracy, Candidates, results, "fmnist-mlp", null, 3);
        Assert.Equal([Relu, Elu], comparisons.Select(c => c.Baseline));

        var vsRelu = comparisons[0].PerObjective[0];
        var found = vsRelu.Single(r => r.Candidate == Found);
        Assert.Equal([0.85, 0.86, 0.84], found.Values);
        Assert.Equal(0.85, found.Mean, 12);
        Assert.Equal(0.01, found.Sd, 12);
        foreach (var (want, got) in new[] { 0.05, 0.05, 0.02 }.Zip(found.Gains)) Assert.Equal(want, got, 12);
        Assert.Equal(0.04, found.MeanGain, 12);
        Assert.Equal(Math.Sqrt(0.0003), found.GainSd, 12);
        Assert.True(found.BeatsBeyondSpread);
        var close = vsRelu.Single(r => r.Candidate == Close);
        Assert.Equal(0.83, close.Mean, 12);
        Assert.Equal(0.02, close.MeanGain, 12);
        Assert.Equal(Math.Sqrt(0.0007), close.Sd, 12);
        Assert.False(close.BeatsBeyondSpread); // better on average, but within its own seed spread
        Assert.False(vsRelu.Single(r => r.Candidate == Relu).BeatsBeyondSpread);

        var vsElu = comparisons[1].PerObjective[0];
        var foundVsElu = vsElu.Single(r => r.Candidate == Found);
        Assert.Equal(0.005, foundVsElu.MeanGain, 12);
        Assert.False(foundVsElu.BeatsBeyondSpread); // inside the spread: 0.005 is below both sds (0.01)
        Assert.True(vsElu.Single(r => r.Candidate == Relu).MeanGain < 0); // relu is worse than elu: a negative gain

        Assert.Empty(ValidationSummary.BeatingAll(Candidates, comparisons)); // found beats relu only
        Assert.Equal(["found"], ValidationSummary.BeatingAll([Found, Close, Relu], ValidationSummary.Of(Accuracy, [Found, Close, Relu], results, "fmnist-mlp", null, 3)));
    }

    [Fact]
    public void Without_baselines_there_is_nothing_to_beat_and_names_are_genome_texts_made_safe()
    {
        Assert.Empty(ValidationSummary.Of(Accuracy, [Found], [R(Found, 1, 0.9)], "fmnist-mlp", null, 1));
        Assert.Empty(ValidationSummary.BeatingAll([Found], []));
        Assert.Equal("relu_x", ValidationPlan.NameOf("relu(x)"));
        Assert.Equal("x_sigmoid_1_5_x", ValidationPlan.NameOf("x * sigmoid(1.5 * x)"));
        Assert.Equal(["elu(x)", "bspline(grid=5,order=3) | rbf(centers=8,width=1,range=2)", "tanh(x)"],
            ValidationPlan.SplitList(" elu(x), bspline(grid=5,order=3) | rbf(centers=8,width=1,range=2),,tanh(x) "));
        Assert.Equal(["elu(x)", "relu(x +, tanh(x)"], ValidationPlan.SplitList("elu(x),relu(x +, tanh(x)"));
    }
}
