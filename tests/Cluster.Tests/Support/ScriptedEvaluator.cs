using Evaluators.Candidates;
using Search.Rejection;

namespace Cluster.Tests.Support;

/// <summary>Wraps an evaluator with a hook run first on the evaluation thread (to throw, hang, or query the cache).</summary>
public sealed class ScriptedEvaluator(ICandidateEvaluator inner, Action<EvaluationJob, IEquivalenceLookup> before) : ICandidateEvaluator
{
    public EvaluationReport Evaluate(EvaluationJob job, IEquivalenceLookup cache, CancellationToken cancel)
    {
        before(job, cache);
        return inner.Evaluate(job, cache, cancel);
    }

    /// <summary>Asks the coordinator's cache about an arbitrary fingerprint (exercises EquivalenceQuery/Answer).</summary>
    public static void Query(EvaluationJob job, IEquivalenceLookup cache) => cache.TryGet(new ProbeFingerprint(job.Seed, true), out _);
}
