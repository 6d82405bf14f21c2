namespace Cluster.Confirmation;

/// <summary>A genome to retrain: a front member (with its proposal id) or a baseline.</summary>
public sealed record ConfirmationCandidate(string Genome, string Role, long? ProposalId)
{
    public const string FrontRole = "front", BaselineRole = "baseline";
}
