using Search.Core;
using Search.Selection;

namespace Search.Strategies;

/// <summary>
/// The EvoNorm search (Liu et al. 2020): aging evolution whose tournament is multi-objective.
/// Each candidate is scored on K tasks (the K objectives); a tournament samples S members and the
/// winner is drawn uniformly from the Pareto front of that sample.
/// </summary>
public sealed class MultiTaskTournament<TGenome>(AgingOptions? options = null)
    : AgingEvolution<TGenome>(options ?? new AgingOptions(), o => new ParetoTournamentSelection<TGenome>(o.SampleSize))
    where TGenome : IGenome
{
    public override string Name => "multitask-tournament";
}
