using Cluster.Protocol;
using Cluster.Spaces;
using Evaluators.Candidates;
using Evaluators.Families;

namespace Cluster.Workers;

/// <summary>
/// Turns a job into the evaluator's job with the run's own family settings: the family section the
/// job carries is read once per fingerprint with the same reader the coordinator used, and its
/// fingerprint must match the job's (a worker of another version reads it differently: refused).
/// </summary>
public sealed class FamilySpaceCache
{
    private readonly Dictionary<(string Family, ulong Fingerprint), FamilySpace> _spaces = new();

    /// <exception cref="ArgumentException">The family section does not read back to the job's fingerprint.</exception>
    public EvaluationJob Resolve(Job job)
    {
        var evaluation = job.ToEvaluationJob();
        if (job.FamilySpace.Length == 0) return evaluation;
        var key = (job.Family, job.SpaceFingerprint);
        FamilySpace? space;
        lock (_spaces)
        {
            if (!_spaces.TryGetValue(key, out space))
            {
                try
                {
                    space = SearchSpaceFile.ReadFamily(job.FamilySpace, $"job {job.RunId}/{job.ProposalId}");
                }
                catch (SearchSpaceException e)
                {
                    throw new ArgumentException($"this worker cannot read the run's family section ({e.Message}); is it running another version of the program?", e);
                }
                if (space.Fingerprint != job.SpaceFingerprint || space.Family.Name != job.Family)
                    throw new ArgumentException($"the run's {job.Family} section reads back as {space.Family.Name} with fingerprint {space.Fingerprint:x16}, " +
                                                $"not {job.SpaceFingerprint:x16}: this worker runs another version of the program");
                _spaces[key] = space;
            }
        }
        return evaluation with { Space = space };
    }
}
