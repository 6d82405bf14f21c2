using Evaluators.Candidates;
using Evaluators.Candidates.Fakes;
using Search.Core;

namespace Bench.Scale;

/// <summary>
/// A simulated evaluation: blocks its slot's thread for latency × (1 ± jitter), the factor drawn
/// from the job's seed (so a re-sent job takes as long), then answers like <see cref="NoOpEvaluator"/>.
/// </summary>
internal sealed class DelayEvaluator(TimeSpan latency, double jitter) : ICandidateEvaluator
{
    private readonly NoOpEvaluator _answer = new();

    public EvaluationReport Evaluate(EvaluationJob job, IEquivalenceLookup cache, CancellationToken cancel)
    {
        double u = (StableHash.Combine(job.Seed, 0x5CA1E) >> 11) * (1.0 / (1UL << 53));
        cancel.WaitHandle.WaitOne(latency * (1 + jitter * (2 * u - 1)));
        return _answer.Evaluate(job, cache, cancel);
    }
}
