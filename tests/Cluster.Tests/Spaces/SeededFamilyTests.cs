using Search.Variation;
using Cluster.Spaces;
using Search.Core;
using Search.Genomes.Activation;

namespace Cluster.Tests.Spaces;

public sealed class SeededFamilyTests
{
    private static readonly IGenomeFamily<IGenome> Family = new ActivationFamily().Erase();
    private static readonly IGenome Seed = Family.Parse("relu(x) + @e(0.01) * x * exp(-x^2 / 2)");

    [Fact]
    public void Full_share_without_mutation_gives_the_seeds_only()
    {
        var seeded = new SeededFamily(Family, [Seed, Family.Parse("tanh(x)")], share: 1, mutateChance: 0);
        var rng = new Rng(3);
        var drawn = Enumerable.Range(0, 50).Select(_ => seeded.Random(rng).Text).ToHashSet();
        Assert.Equal(new HashSet<string> { Seed.Text, "tanh(x)" }, drawn);
    }

    [Fact]
    public void Mutated_seeds_and_random_members_mix_in_by_their_chances()
    {
        var seeded = new SeededFamily(Family, [Seed], share: 0.5, mutateChance: 0.5);
        var rng = new Rng(4);
        var drawn = Enumerable.Range(0, 400).Select(_ => seeded.Random(rng).Text).ToArray();
        int exact = drawn.Count(t => t == Seed.Text);
        Assert.InRange(exact, 60, 140); // expected 100 of 400
        Assert.True(drawn.Distinct().Count() > 100);
    }

    [Fact]
    public void Draws_depend_only_on_the_generator()
    {
        var seeded = new SeededFamily(Family, [Seed], share: 0.5, mutateChance: 0.5);
        string[] Draw() { var rng = new Rng(9); return Enumerable.Range(0, 30).Select(_ => seeded.Random(rng).Text).ToArray(); }
        Assert.Equal(Draw(), Draw());
    }

    [Fact]
    public void Loaded_space_with_seeds_starts_aging_from_them()
    {
        var yaml = SpaceFiles.WithLine(5, "  mode: correction").Replace("max_nodes: 12", "max_nodes: 18")
            + "\ninitial:\n  seeds: ['relu(x) + @e(0.01) * x * exp(-x^2 / 2)']\n";
        var space = SpaceFiles.Load(yaml);
        var strategy = space.CreateStrategy();
        var first = strategy.Propose(8, new StrategyContext<IGenome>(space.Family, space.Objectives, new Rng(2)));
        Assert.Equal(8, first.Count);
        Assert.All(first, g => Assert.Equal(Seed.Text, g.Text));
    }
}
