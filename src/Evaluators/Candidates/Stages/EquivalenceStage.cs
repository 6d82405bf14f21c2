using Search.Rejection;

namespace Evaluators.Candidates.Stages;

/// <summary>
/// AutoML-Zero's functional-equivalence check against the host's cache: a candidate whose probe
/// outputs match a measured one reuses that result (whatever its status) and is not trained.
/// Non-finite fingerprints never match (the cache ignores them).
/// </summary>
public sealed class EquivalenceStage(IEquivalenceLookup lookup) : IRejectionStage<CandidateContext>
{
    public string Name => StageNames.FunctionalEquivalence;
    public double EstimatedCostSeconds => 2e-3; // after numeric sanity, whose probe it hashes

    public StageVerdict Check(CandidateContext candidate)
    {
        candidate.Cancel.ThrowIfCancellationRequested();
        var fingerprint = candidate.Fingerprint
            ?? throw new InvalidOperationException("the numeric sanity stage must run before the equivalence stage");
        return fingerprint.IsFinite && lookup.TryGet(fingerprint, out var stored) ? StageVerdict.Reuse(stored) : StageVerdict.Pass;
    }
}
