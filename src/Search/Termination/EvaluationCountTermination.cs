namespace Search.Termination;

/// <summary>Stops once this many results have been told.</summary>
public sealed class EvaluationCountTermination(long maxEvaluations) : ITermination
{
    public string Name => "evaluations";
    public long MaxEvaluations { get; } = maxEvaluations;
    public bool IsMet(SearchProgress progress) => progress.Evaluations >= MaxEvaluations;
}
