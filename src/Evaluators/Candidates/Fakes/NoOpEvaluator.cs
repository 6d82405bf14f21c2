using Search.Core;
using Search.Rejection;

namespace Evaluators.Candidates.Fakes;

/// <summary>
/// Accepts every job at once with objectives that are a pure function of (genome text, seed,
/// objective index): for measuring dispatch overhead and for tests that need results, not
/// training. Values: accuracies and rmse in [0, 1), parameters an integer in [1000, 100000),
/// step_seconds in [1e-3, 2e-3). No TorchSharp; thread-safe (stateless).
/// </summary>
public sealed class NoOpEvaluator : ICandidateEvaluator
{
    public EvaluationReport Evaluate(EvaluationJob job, IEquivalenceLookup cache, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        ulong h = StableHash.Combine(StableHash.Of(job.GenomeText), job.Seed);
        var values = new double[job.Plan.Objectives.Count];
        for (int i = 0; i < values.Length; i++)
        {
            double u = (StableHash.Combine(h, (ulong)i) >> 11) * (1.0 / (1UL << 53));
            string metric = job.Plan.Objectives[i].Split('@')[0];
            values[i] = metric switch
            {
                "parameters" => Math.Floor(1000 + u * 99_000),
                "step_seconds" => 1e-3 * (1 + u),
                _ => u,
            };
        }
        return new EvaluationReport(EvaluationResult.Accept(values), null, new RejectionCounters(),
            new Dictionary<string, double>(), new Dictionary<string, double>());
    }
}
