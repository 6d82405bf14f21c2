using Cluster.Confirmation;
using Search.Core;

namespace Cluster.Tests.Confirmation;

/// <summary>Gains are paired per seed, oriented so positive is better, and "beyond spread" needs the mean gain above both sds.</summary>
public sealed class ConfirmationSummaryTests
{
    private static readonly ConfirmationCandidate Found = new("found", ConfirmationCandidate.FrontRole, 7);
    private static readonly ConfirmationCandidate Close = new("close", ConfirmationCandidate.FrontRole, 9);
    private static readonly ConfirmationCandidate Reference = new("bn-relu", ConfirmationCandidate.BaselineRole, null);

    private static ConfirmationResult R(ConfirmationCandidate c, int seed, params double[]? objectives) =>
        new(c.Genome, c.Role, c.ProposalId, seed, (ulong)seed, objectives, null, null, 1);

    private static readonly ObjectiveSet AccuracyAndSeconds =
        new([new Objective("accuracy", Direction.Maximize), new Objective("seconds", Direction.Minimize)]);

    [Fact]
    public void Gains_are_paired_per_seed_and_positive_when_better_in_either_direction()
    {
        var results = new[]
        {
            R(Reference, 1, 0.80, 10), R(Reference, 2, 0.81, 10), R(Reference, 3, 0.82, 10),
            R(Found, 1, 0.85, 12), R(Found, 2, 0.86, 12), R(Found, 3, 0.84, 12),
            R(Close, 1, 0.805, 9), R(Close, 2, 0.80, 9), R(Close, 3, 0.835, 9),
        };
        var summary = ConfirmationSummary.Of(AccuracyAndSeconds, [Found, Close, Reference], results, 3);

        var found = summary[0].Single(r => r.Candidate == Found);
        Assert.Equal(3, found.Gains.Length);
        foreach (var (want, got) in new[] { 0.05, 0.05, 0.02 }.Zip(found.Gains)) Assert.Equal(want, got, 12);
        Assert.Equal(0.04, found.MeanGain, 12);
        Assert.Equal(0.85, found.Mean, 12);
        Assert.Equal(0.01, found.Sd, 12);
        Assert.True(found.BeatsBeyondSpread);
        // Slower: a negative gain on the minimised objective.
        Assert.Equal(-2, summary[1].Single(r => r.Candidate == Found).MeanGain, 12);

        var close = summary[0].Single(r => r.Candidate == Close);
        Assert.True(close.MeanGain > 0);
        Assert.False(close.BeatsBeyondSpread); // +0.003 mean gain, within the seed sd
        Assert.False(summary[0].Single(r => r.Candidate == Reference).BeatsBeyondSpread);
        Assert.True(summary[1].Single(r => r.Candidate == Close).BeatsBeyondSpread); // faster on every seed, sd 0

        var wins = ConfirmationSummary.Wins(summary);
        Assert.Equal(1, wins["found"]);
        Assert.Equal(1, wins["close"]);
        Assert.False(wins.ContainsKey("bn-relu"));
    }

    [Fact]
    public void Rejected_trainings_and_missing_seeds_are_left_out_of_the_pairs()
    {
        var results = new[]
        {
            R(Reference, 1, 0.80, 10), R(Reference, 2, 0.81, 10), R(Reference, 3, 0.82, 10),
            R(Found, 1, 0.90, 10), R(Found, 2, null), // rejected on seed 2, seed 3 not trained yet
        };
        var found = ConfirmationSummary.Of(AccuracyAndSeconds, [Found, Reference], results, 3)[0].Single(r => r.Candidate == Found);
        Assert.Equal([0.90], found.Values);
        Assert.Single(found.Gains);
        Assert.False(found.BeatsBeyondSpread); // one pair is no spread measurement
    }
}
