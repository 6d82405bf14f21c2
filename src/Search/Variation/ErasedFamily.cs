using Search.Core;

namespace Search.Variation;

/// <summary>
/// A genome family seen through <see cref="IGenome"/>, so one coordinator, engine and strategy
/// (all over <see cref="IGenome"/>) serve every family. Genomes handed back in must come from this
/// family (they are the typed genomes themselves, only seen as IGenome). Use
/// <see cref="ErasedFamily.Erase"/>: it keeps optional abilities such as pair crossover.
/// </summary>
public class ErasedFamily<TGenome>(IGenomeFamily<TGenome> inner) : IGenomeFamily<IGenome> where TGenome : IGenome
{
    public IGenomeFamily<TGenome> Inner { get; } = inner;

    public string Name => Inner.Name;
    public bool SupportsCrossover => Inner.SupportsCrossover;

    public IGenome Parse(string text) => Inner.Parse(text);
    public IGenome Random(Rng rng) => Inner.Random(rng);
    public IGenome Mutate(IGenome parent, Rng rng) => Inner.Mutate(Typed(parent), rng);
    public IGenome Crossover(IGenome a, IGenome b, Rng rng) => Inner.Crossover(Typed(a), Typed(b), rng);

    protected TGenome Typed(IGenome genome) => genome is TGenome t
        ? t
        : throw new ArgumentException($"a {genome.GetType().Name} is not a genome of the '{Name}' family ({typeof(TGenome).Name})", nameof(genome));
}

/// <summary>Erases a typed family.</summary>
public static class ErasedFamily
{
    /// <summary>The family over IGenome; it offers <see cref="IPairCrossover{TGenome}"/> exactly when the typed family does.</summary>
    public static IGenomeFamily<IGenome> Erase<TGenome>(this IGenomeFamily<TGenome> family) where TGenome : IGenome => family switch
    {
        IGenomeFamily<IGenome> already => already,
        IPairCrossover<TGenome> pairs => new ErasedPairFamily<TGenome>(family, pairs),
        _ => new ErasedFamily<TGenome>(family),
    };
}
