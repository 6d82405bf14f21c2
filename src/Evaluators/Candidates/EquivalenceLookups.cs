using Search.Core;
using Search.Rejection;

namespace Evaluators.Candidates;

/// <summary>A lookup that never hits: for hosts without a cache and for plans that measure everything.</summary>
public sealed class NoEquivalenceLookup : IEquivalenceLookup
{
    public static NoEquivalenceLookup Instance { get; } = new();

    public bool TryGet(ProbeFingerprint fingerprint, out EvaluationResult result)
    {
        result = null!;
        return false;
    }
}

/// <summary>Answers from an engine <see cref="FunctionalEquivalenceCache"/> in the same process (not thread-safe, like the cache).</summary>
public sealed class CacheEquivalenceLookup(FunctionalEquivalenceCache cache) : IEquivalenceLookup
{
    public bool TryGet(ProbeFingerprint fingerprint, out EvaluationResult result) => cache.TryGet(fingerprint, out result);
}
