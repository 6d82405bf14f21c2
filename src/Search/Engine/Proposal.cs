using Search.Core;

namespace Search.Engine;

/// <summary>
/// One candidate to evaluate. <see cref="Id"/> is the proposal index (0, 1, 2, ...); the
/// evaluator seeds its training with <see cref="EvaluationSeed"/>, which depends only on the run
/// seed and the id, so a re-run or a re-sent job trains identically.
/// </summary>
public sealed record Proposal<TGenome>(long Id, TGenome Genome, ulong EvaluationSeed) where TGenome : IGenome;
