namespace Search.Problems;

/// <summary>
/// One run measured twice: <see cref="Archive"/> is the non-dominated set of all its evaluations
/// (what the engine reports as the final front), <see cref="Population"/> that of the final population.
/// </summary>
public sealed record ProblemResult(ProblemRun Archive, ProblemRun Population);
