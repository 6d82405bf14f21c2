namespace Search.Termination;

/// <summary>
/// What termination criteria look at: evaluations told so far, completed generations, and the best
/// value seen of each minimised objective (+infinity while nothing feasible has been seen).
/// </summary>
public sealed record SearchProgress(long Evaluations, int Generations, IReadOnlyList<double> BestMinimized);
