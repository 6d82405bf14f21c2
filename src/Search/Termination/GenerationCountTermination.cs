namespace Search.Termination;

/// <summary>Stops once this many generations are complete.</summary>
public sealed class GenerationCountTermination(int maxGenerations) : ITermination
{
    public string Name => "generations";
    public int MaxGenerations { get; } = maxGenerations;
    public bool IsMet(SearchProgress progress) => progress.Generations >= MaxGenerations;
}
