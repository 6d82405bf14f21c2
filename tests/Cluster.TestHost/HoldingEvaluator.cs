using Evaluators.Candidates;

namespace Cluster.TestHost;

/// <summary>
/// Evaluates like <paramref name="inner"/> until <paramref name="holdAfter"/> jobs are done, then
/// blocks on the next job forever after writing its seed to <paramref name="marker"/>: a worker
/// with a job in flight at a moment the test chooses (it then kills the process).
/// </summary>
public sealed class HoldingEvaluator(ICandidateEvaluator inner, int holdAfter, string marker) : ICandidateEvaluator
{
    private int _done;

    public EvaluationReport Evaluate(EvaluationJob job, IEquivalenceLookup cache, CancellationToken cancel)
    {
        if (holdAfter >= 0 && Interlocked.Increment(ref _done) > holdAfter)
        {
            File.WriteAllText(marker + ".tmp", job.Seed + "\n");
            File.Move(marker + ".tmp", marker, overwrite: true);
            Thread.Sleep(Timeout.Infinite);
        }
        return inner.Evaluate(job, cache, cancel);
    }
}
