using Search.Core;

namespace Search.Genomes.Routing;

/// <summary>The routing genome family: mixture-of-experts routing policies within a <see cref="RoutingSpace"/>.</summary>
public sealed class RoutingFamily : IGenomeFamily<RoutingGenome>
{
    public const string FamilyName = "routing";

    private readonly RoutingMutator _mutator;

    public RoutingFamily(RoutingSpace space)
    {
        space.Validate();
        Space = space;
        _mutator = new RoutingMutator(space);
    }

    public RoutingSpace Space { get; }
    public string Name => FamilyName;
    public bool SupportsCrossover => true;

    public RoutingGenome Parse(string text) => RoutingParser.Parse(Space, text);
    public RoutingGenome Random(Rng rng) => _mutator.Random(rng);
    public RoutingGenome Mutate(RoutingGenome parent, Rng rng) => _mutator.Mutate(parent, rng);
    public RoutingGenome Crossover(RoutingGenome a, RoutingGenome b, Rng rng) => _mutator.Crossover(a, b, rng);
}
