using Search.Core;
using Search.Rejection;

namespace Evaluators.Candidates;

/// <summary>
/// Turns a job into a report, synchronously, on the calling thread (TorchSharp dispose scopes are
/// thread-static). Hosts (the cluster's worker actors, tests, benchmarks) run it off their message loop.
/// </summary>
public interface ICandidateEvaluator
{
    EvaluationReport Evaluate(EvaluationJob job, IEquivalenceLookup cache, CancellationToken cancel);
}

/// <summary>The functional-equivalence cache as the evaluator sees it: the host answers from the engine's cache.</summary>
public interface IEquivalenceLookup
{
    bool TryGet(ProbeFingerprint fingerprint, out EvaluationResult result);
}
