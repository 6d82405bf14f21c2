namespace Cluster.Confirmation;

/// <summary>
/// One genome on one objective over the retraining seeds: its values (seed order), mean and sample
/// sd, and against the reference (confirm: the first baseline; validate: each baseline in turn) the
/// paired gains per seed (positive = better, whatever the direction), their mean and sd, and whether
/// it is better beyond the seed spread: the mean gain exceeds both genomes' sample sd (at least two
/// paired seeds).
/// </summary>
public sealed record ConfirmationRow(
    ConfirmationCandidate Candidate,
    double[] Values,
    double Mean,
    double Sd,
    double[] Gains,
    double MeanGain,
    double GainSd,
    bool BeatsBeyondSpread);
