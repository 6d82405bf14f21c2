using Search.Core;
using Search.Genomes.Routing;

namespace Search.Tests.Genomes.Routing;

/// <summary>Each kind of edit the routing mutation promises actually happens, with repair where gates change.</summary>
public class RoutingOperatorTests
{
    [Fact]
    public void Mutation_changes_every_kind_of_field()
    {
        var family = new RoutingFamily(RoutingSpaces.Default);
        var rng = new Rng(13);
        var counts = new Dictionary<string, int>();
        void Count(string what) => counts[what] = counts.GetValueOrDefault(what) + 1;
        for (int n = 0; n < 6000; n++) // enough that each of the 15 kinds happens 20+ times
        {
            var p = family.Random(rng);
            var c = family.Mutate(p, rng);
            if (p.Gate != c.Gate)
            {
                Count("gate");
                if (c.Gate != GateType.ExpertChoice && c.Gate != GateType.TopP) Assert.NotNull(c.K);
                if (c.Gate == GateType.TopP) Assert.NotNull(c.TopP);
                continue;
            }
            if (p.Experts != c.Experts) Count("experts");
            if (p.K != c.K) Count("k");
            if (p.Capacity != c.Capacity) Count("capacity");
            if (p.Temperature != c.Temperature) Count("tau");
            if (p.Schedule?.Start != c.Schedule?.Start || p.Schedule?.End != c.Schedule?.End) Count("schedule temperatures");
            if (p.Schedule?.Steps != c.Schedule?.Steps) Count("steps");
            if (p.Schedule?.Kind != c.Schedule?.Kind) Count("schedule kind");
            if (p.Activation != c.Activation) Count("act");
            if (p.LoadBalance != c.LoadBalance) Count(c.LoadBalance == 0 ? "lb off" : "lb");
            if (p.ZLoss != c.ZLoss) Count("zloss");
            if (p.TopP != c.TopP) Count("p");
            if (p.BiasRate != c.BiasRate) Count(c.BiasRate == 0 ? "bias off" : "bias");
        }
        string[] expected = ["gate", "experts", "k", "capacity", "tau", "schedule temperatures", "steps", "schedule kind", "act", "lb", "lb off", "zloss", "p", "bias", "bias off"];
        Assert.All(expected, what => Assert.True(counts.GetValueOrDefault(what) > 20, $"{what}: {counts.GetValueOrDefault(what)}"));
    }

    [Fact]
    public void Lowering_the_expert_count_caps_k()
    {
        var space = new RoutingSpace { Gates = [GateType.SoftmaxTopK], Experts = new(2, 3), K = new(1, 3) };
        var family = new RoutingFamily(space);
        var rng = new Rng(2);
        var g = family.Parse("gate=softmax_topk experts=3 k=3 tau=1 lb=0 capacity=1");
        bool sawCap = false;
        for (int i = 0; i < 300; i++)
        {
            var c = family.Mutate(g, rng);
            Assert.Null(RoutingSpaceCheck.Violation(space, c));
            if (c.Experts == 2) { Assert.InRange(c.K!.Value, 1, 2); sawCap = true; }
        }
        Assert.True(sawCap);
    }

    [Fact]
    public void A_space_with_one_point_gives_back_the_parent()
    {
        var space = new RoutingSpace
        {
            Gates = [GateType.ExpertChoice], Experts = new(4, 4), Temperature = new(1, 1), Capacity = new(2, 2), ZLoss = new(0, 0),
        };
        var family = new RoutingFamily(space);
        var rng = new Rng(1);
        var g = family.Random(rng);
        Assert.Equal("gate=expert_choice experts=4 tau=1 capacity=2 zloss=0", g.Text);
        Assert.Equal(g, family.Mutate(g, rng));
        Assert.Equal(g, family.Crossover(g, family.Random(rng), rng));
    }

    public static TheoryData<RoutingSpace> InvalidSpaces() =>
    [
        new RoutingSpace { Gates = [] },
        new RoutingSpace { Experts = new(2, 8), K = new(3, 4) },
        new RoutingSpace { Temperature = new(0, 1) },
        new RoutingSpace { Capacity = new(2, 1) },
        new RoutingSpace { LoadBalance = new(-0.1, 0.1) },
        new RoutingSpace { Steps = new(0, 10) },
        new RoutingSpace { TopP = new(0, 0.9) },
        new RoutingSpace { TopP = new(0.1, 1.1) },
        new RoutingSpace { BiasRate = new(-0.01, 0.01) },
    ];

    [Theory]
    [MemberData(nameof(InvalidSpaces))]
    public void Invalid_spaces_are_refused(RoutingSpace space) => Assert.Throws<ArgumentException>(() => new RoutingFamily(space));
}
