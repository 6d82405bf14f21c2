using CsCheck;
using Search.Core;
using Search.Genomes.Routing;

namespace Search.Tests.Genomes.Routing;

/// <summary>Properties over thousands of random routing genomes per space (default and narrow).</summary>
public class RoutingPropertyTests
{
    private const int Iterations = 3000;

    /// <summary>Runs <paramref name="check"/> on <paramref name="iterations"/> seeds in each space.</summary>
    private static void ForAll(Action<RoutingFamily, Rng> check, int iterations = Iterations)
    {
        foreach (var family in RoutingSpaces.Families)
            Gen.ULong.Sample(seed => check(family, new Rng(seed)), iter: iterations);
    }

    private static void AssertValid(RoutingFamily f, RoutingGenome g)
    {
        Assert.Null(RoutingSpaceCheck.Violation(f.Space, g));
        Assert.Equal(g.Text, f.Parse(g.Text).Text);
        if (g.K is { } k) Assert.InRange(k, 1, g.Experts);
        Assert.Equal(g.Gate is GateType.ExpertChoice or GateType.TopP, g.K is null);
        Assert.Equal(g.Gate == GateType.TopP, g.TopP is not null);
        Assert.Equal(g.Gate == GateType.ExpertChoice, g.BiasRate is null);
        if (g.Schedule is { } s) Assert.True(s.End <= s.Start);
    }

    [Fact]
    public void Random_genomes_are_inside_the_space_and_round_trip()
    {
        ForAll((f, rng) =>
        {
            var g = f.Random(rng);
            AssertValid(f, g);
            var back = f.Parse(g.Text);
            Assert.Equal(g, back);
            Assert.Equal(g.StructuralHash, back.StructuralHash);
        });
    }

    [Fact]
    public void Equivalent_spellings_parse_to_the_canonical_text_and_canonicalisation_is_idempotent()
    {
        ForAll((f, rng) =>
        {
            var g = f.Random(rng);
            var parsed = f.Parse(RoutingRespeller.Genome(g, rng));
            Assert.Equal(g.Text, parsed.Text);
            Assert.Equal(parsed.Text, f.Parse(parsed.Text).Text);
        });
    }

    [Fact]
    public void Mutants_are_valid_and_almost_always_new()
    {
        foreach (var family in RoutingSpaces.Families)
        {
            int changed = 0;
            Gen.ULong.Sample(seed =>
            {
                var rng = new Rng(seed);
                var parent = family.Random(rng);
                var child = family.Mutate(parent, rng);
                AssertValid(family, child);
                if (child.Text != parent.Text) Interlocked.Increment(ref changed);
            }, iter: Iterations);
            Assert.True(changed > Iterations * 0.99, $"only {changed} of {Iterations} mutants differ");
        }
    }

    [Fact]
    public void Chains_of_mutations_and_crossovers_stay_valid()
    {
        ForAll((f, rng) =>
        {
            var g = f.Random(rng);
            for (int i = 0; i < 10; i++)
            {
                g = rng.Chance(0.5) ? f.Mutate(g, rng) : f.Crossover(g, f.Random(rng), rng);
                AssertValid(f, g);
            }
        }, iterations: 1000);
    }

    [Fact]
    public void Crossover_takes_every_shared_field_from_a_parent()
    {
        ForAll((f, rng) =>
        {
            var a = f.Random(rng);
            var b = f.Random(rng);
            var c = f.Crossover(a, b, rng);
            AssertValid(f, c);
            Assert.Contains(c.Gate, new[] { a.Gate, b.Gate });
            Assert.Contains(c.Experts, new[] { a.Experts, b.Experts });
            Assert.Contains(c.Capacity, new[] { a.Capacity, b.Capacity });
            Assert.Contains(c.ZLoss, new[] { a.ZLoss, b.ZLoss });
            if (c.BiasRate is { } u && a.BiasRate is { } ua && b.BiasRate is { } ub) Assert.Contains(u, new[] { ua, ub });
            // k comes from a parent unless capped by a smaller expert count.
            if (c.K is { } k && a.K is { } ka && b.K is { } kb) Assert.True(k == ka || k == kb || k == c.Experts);
        });
    }

    [Fact]
    public void Hashes_are_distinct_on_a_sample_of_distinct_texts()
    {
        var family = new RoutingFamily(RoutingSpaces.Default);
        var rng = new Rng(20261127);
        var texts = new Dictionary<string, ulong>();
        for (int i = 0; i < 5000; i++)
        {
            var g = family.Mutate(family.Random(rng), rng);
            texts[g.Text] = g.StructuralHash;
            Assert.Equal(g.StructuralHash, family.Parse(g.Text).StructuralHash);
        }
        Assert.True(texts.Count > 4900, $"only {texts.Count} distinct genomes");
        Assert.Equal(texts.Count, texts.Values.Distinct().Count());
    }

    [Fact]
    public void Same_seed_gives_the_same_genomes()
    {
        static List<string> Run(RoutingFamily f)
        {
            var rng = new Rng(7);
            var g = f.Random(rng);
            var list = new List<string>();
            for (int i = 0; i < 200; i++)
            {
                g = f.Crossover(f.Mutate(g, rng), f.Random(rng), rng);
                list.Add(g.Text);
            }
            return list;
        }
        foreach (var family in RoutingSpaces.Families) Assert.Equal(Run(family), Run(family));
    }
}
