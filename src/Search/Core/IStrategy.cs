namespace Search.Core;

/// <summary>
/// An evolution strategy in ask/tell form. The engine calls <see cref="Propose"/> whenever it has
/// room for more outstanding proposals and calls <see cref="Tell"/> with results strictly in
/// proposal order, so a strategy is a pure function of (seed, settings, ordered results).
/// A generational strategy returns nothing from Propose until its generation is complete: that is
/// the generation barrier.
/// </summary>
public interface IStrategy<TGenome> where TGenome : IGenome
{
    /// <summary>Name as used in search-space files (aging, nsga2, multitask-tournament, islands, ...).</summary>
    string Name { get; }

    /// <summary>Up to <paramref name="max"/> genomes to propose now; empty while waiting on results.</summary>
    IReadOnlyList<TGenome> Propose(int max, StrategyContext<TGenome> context);

    /// <summary>One result, in proposal order.</summary>
    void Tell(Individual<TGenome> individual, StrategyContext<TGenome> context);

    /// <summary>The current population (or the union of islands), for reports and fronts.</summary>
    IReadOnlyList<Individual<TGenome>> Population { get; }

    /// <summary>
    /// The strategy's own termination was met (e.g. a genetic algorithm's stagnation): it proposes
    /// nothing more, and the search ends once every outstanding result is applied.
    /// </summary>
    bool Terminated => false;

    /// <summary>Completed generations (for generational strategies) or told results / population size.</summary>
    int Generation { get; }

    /// <summary>The whole strategy state (genomes by their canonical text), MessagePack bytes.</summary>
    byte[] SaveState();

    /// <summary>Restores what <see cref="SaveState"/> wrote; genomes are re-parsed with the family.</summary>
    void LoadState(byte[] state, StrategyContext<TGenome> context);
}

/// <summary>What a strategy may use: the family's operators, the objectives and the one generator.</summary>
public sealed class StrategyContext<TGenome>(IGenomeFamily<TGenome> family, ObjectiveSet objectives, Rng rng)
    where TGenome : IGenome
{
    public IGenomeFamily<TGenome> Family { get; } = family;
    public ObjectiveSet Objectives { get; } = objectives;
    public Rng Rng { get; set; } = rng;
}
