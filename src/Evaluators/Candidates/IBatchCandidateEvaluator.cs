namespace Evaluators.Candidates;

/// <summary>
/// An evaluator that can take several jobs at once and train the alike ones together
/// (<see cref="CandidateEvaluator.EvaluateBatch"/>): the reports come back in the jobs' order, each
/// equal to its one-by-one report up to float rounding. Synchronous, on the calling thread.
/// </summary>
public interface IBatchCandidateEvaluator : ICandidateEvaluator
{
    IReadOnlyList<EvaluationReport> EvaluateBatch(IReadOnlyList<EvaluationJob> jobs, IEquivalenceLookup cache, CancellationToken cancel);
}
