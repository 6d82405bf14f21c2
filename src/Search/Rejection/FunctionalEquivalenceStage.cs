namespace Search.Rejection;

/// <summary>
/// Pipeline stage over a <see cref="FunctionalEquivalenceCache"/>: a candidate whose probe
/// fingerprint is cached reuses the stored result and skips training. The evaluator supplies how
/// to fingerprint its context (outputs on the probe set) and stores fresh results with
/// <see cref="FunctionalEquivalenceCache.Add"/> once measured.
/// </summary>
public sealed class FunctionalEquivalenceStage<TContext>(
    FunctionalEquivalenceCache cache, Func<TContext, ProbeFingerprint> fingerprint, double estimatedCostSeconds = 1e-3)
    : IRejectionStage<TContext>
{
    public string Name => StageNames.FunctionalEquivalence;
    public double EstimatedCostSeconds => estimatedCostSeconds;

    public StageVerdict Check(TContext candidate) =>
        cache.TryGet(fingerprint(candidate), out var result) ? StageVerdict.Reuse(result) : StageVerdict.Pass;
}
