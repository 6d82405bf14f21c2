using Search.Core;

namespace Cluster.TestHost;

/// <summary>Runs a typed family as IGenomeFamily&lt;IGenome&gt; (what SearchSpace holds). The spaces branch ships its own; this one keeps the tests independent.</summary>
public sealed class ErasedFamily<TGenome>(IGenomeFamily<TGenome> inner) : IGenomeFamily<IGenome> where TGenome : IGenome
{
    public string Name => inner.Name;
    public bool SupportsCrossover => inner.SupportsCrossover;
    public IGenome Parse(string text) => inner.Parse(text);
    public IGenome Random(Rng rng) => inner.Random(rng);
    public IGenome Mutate(IGenome parent, Rng rng) => inner.Mutate((TGenome)parent, rng);
    public IGenome Crossover(IGenome a, IGenome b, Rng rng) => inner.Crossover((TGenome)a, (TGenome)b, rng);
}
