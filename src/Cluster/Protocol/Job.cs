using Cluster.Protocol.Data;
using Evaluators.Candidates;
using MessagePack;

namespace Cluster.Protocol;

/// <summary>
/// One proposal to evaluate. <see cref="Seed"/> depends only on (run seed, proposal id), so a
/// re-sent job trains identically; <see cref="DeadlineUnixMs"/> is when the coordinator gives up
/// on it and hands it to someone else; <see cref="Attempt"/> counts hand-outs of this proposal.
/// <see cref="FamilySpace"/> is the run's family section ("" = the family's defaults) and
/// <see cref="SpaceFingerprint"/> its fingerprint: workers compile with exactly that space.
/// </summary>
[MessagePackObject]
public sealed record Job(
    [property: Key(0)] string RunId,
    [property: Key(1)] long ProposalId,
    [property: Key(2)] string Family,
    [property: Key(3)] string GenomeText,
    [property: Key(4)] ulong Seed,
    [property: Key(5)] PlanData Plan,
    [property: Key(6)] long DeadlineUnixMs,
    [property: Key(7)] int Attempt,
    [property: Key(8)] string FamilySpace = "",
    [property: Key(9)] ulong SpaceFingerprint = 0) : IClusterMessage
{
    public EvaluationJob ToEvaluationJob() => new(Family, GenomeText, Seed, Plan.ToDomain());
}
