using Search.Core;

namespace Search.Engine;

/// <summary>
/// One candidate to evaluate. <see cref="Id"/> is the proposal index (0, 1, 2, ...); the
/// evaluator seeds its training with <see cref="EvaluationSeed"/>, which depends only on the run
/// seed and the id, so a re-run or a re-sent job trains identically. Under multi-fidelity
/// evaluation (<see cref="FidelitySettings"/>) a promotion is a proposal of the same genome at a
/// higher <see cref="Rung"/>, and <see cref="Origin"/> is the id of the candidate's rung-0 proposal.
/// </summary>
public sealed record Proposal<TGenome>(long Id, TGenome Genome, ulong EvaluationSeed, int Rung = 0, long? Origin = null) where TGenome : IGenome
{
    /// <summary>The candidate this proposal evaluates: its rung-0 proposal id.</summary>
    public long Candidate => Origin ?? Id;
}
