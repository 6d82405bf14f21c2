using CsCheck;
using Search.Core;
using Search.Genomes.Activation;
using Search.Genomes.Expressions;

namespace Search.Tests.Genomes.Activation;

/// <summary>Properties over thousands of random genomes per mode (free, core-unit, correction).</summary>
public class ActivationPropertyTests
{
    public const int Iterations = 2000;

    public static TheoryData<ActivationMode> Modes => [ActivationMode.Free, ActivationMode.CoreUnit, ActivationMode.Correction];

    private static ActivationFamily Family(ActivationMode mode) => new(new ActivationSpace { Mode = mode });

    private static void AssertValidCanonical(ActivationFamily family, ActivationGenome genome)
    {
        Assert.True(family.IsWithinLimits(genome), $"outside limits or shape: {genome.Text}");
        Assert.True(genome.NodeCount <= family.Space.MaxNodes && genome.Depth <= family.Space.MaxDepth, genome.Text);
        var reparsed = family.Parse(genome.Text);
        Assert.Equal(genome.Text, reparsed.Text);
        Assert.Equal(genome.Root, reparsed.Root);
        Assert.Equal(genome.Root, Canonicalizer.Canonicalize(genome.Root, ActivationPrimitives.Set));
        Assert.Equal(StableHash.Of(genome.Text), genome.StructuralHash);
    }

    [Theory, MemberData(nameof(Modes))]
    public void Random_genomes_round_trip_and_are_canonical(ActivationMode mode)
    {
        var family = Family(mode);
        Gen.ULong.Sample(seed => AssertValidCanonical(family, family.Random(new Rng(seed))), iter: Iterations);
    }

    [Theory, MemberData(nameof(Modes))]
    public void Mutations_stay_valid_canonical_and_in_limits(ActivationMode mode)
    {
        var family = Family(mode);
        Gen.ULong.Sample(seed =>
        {
            var rng = new Rng(seed);
            var genome = family.Random(rng);
            for (int step = 0; step < 3; step++)
            {
                genome = family.Mutate(genome, rng);
                AssertValidCanonical(family, genome);
            }
        }, iter: Iterations);
    }

    [Theory, MemberData(nameof(Modes))]
    public void Crossovers_stay_valid_canonical_and_in_limits(ActivationMode mode)
    {
        var family = Family(mode);
        Gen.ULong.Sample(seed =>
        {
            var rng = new Rng(seed);
            var child = family.Crossover(family.Random(rng), family.Random(rng), rng);
            AssertValidCanonical(family, child);
        }, iter: Iterations);
    }

    [Fact]
    public void Mutation_usually_changes_the_genome()
    {
        var family = Family(ActivationMode.Free);
        var rng = new Rng(7);
        int changed = 0;
        for (int i = 0; i < 500; i++)
        {
            var parent = family.Random(rng);
            if (family.Mutate(parent, rng).Text != parent.Text) changed++;
        }
        Assert.True(changed > 450, $"only {changed} of 500 mutations changed the genome");
    }

    [Fact]
    public void Distinct_texts_have_distinct_hashes_on_the_sample()
    {
        var byHash = new Dictionary<ulong, string>();
        foreach (var mode in new[] { ActivationMode.Free, ActivationMode.CoreUnit, ActivationMode.Correction })
        {
            var family = Family(mode);
            var rng = new Rng(42 + (ulong)mode);
            for (int i = 0; i < 3000; i++)
            {
                var g = family.Random(rng);
                if (byHash.TryGetValue(g.StructuralHash, out var seen)) Assert.Equal(seen, g.Text);
                else byHash[g.StructuralHash] = g.Text;
            }
        }
        Assert.True(byHash.Count > 3000, $"only {byHash.Count} distinct genomes sampled");
    }

    [Fact]
    public void Commutative_reorderings_of_random_operands_canonicalise_alike()
    {
        var family = Family(ActivationMode.Free);
        Gen.ULong.Sample(seed =>
        {
            var rng = new Rng(seed);
            string a = family.Random(rng).Text, b = family.Random(rng).Text;
            Assert.Equal(family.Parse($"({a}) + ({b})").Text, family.Parse($"({b}) + ({a})").Text);
            Assert.Equal(family.Parse($"({a}) * ({b})").Text, family.Parse($"({b}) * ({a})").Text);
            Assert.Equal(family.Parse($"max({a}, {b})").Text, family.Parse($"max({b}, {a})").Text);
            Assert.Equal(family.Parse($"({a}) + (({b}) + x)").Text, family.Parse($"(x + ({a})) + ({b})").Text);
        }, iter: Iterations);
    }

    [Fact]
    public void Integer_constants_fold_in_sums_and_products()
    {
        var family = Family(ActivationMode.Free);
        Gen.Select(Gen.ULong, Gen.Int[-50, 50], Gen.Int[-50, 50]).Sample((seed, c1, c2) =>
        {
            // Wrapped in sin(...) so that g's own constants stay out of the chain (their float sums are order-dependent).
            string g = $"sin({family.Random(new Rng(seed)).Text})";
            Assert.Equal(family.Parse($"({g}) + {c1 + c2}").Text, family.Parse($"({g}) + {c1} + {c2}").Text);
            Assert.Equal(family.Parse($"{c1 * c2} * ({g})").Text, family.Parse($"{c1} * ({g}) * {c2}").Text);
            Assert.Equal(family.Parse($"{c1} + {c2}").Text, family.Parse($"{c1 + c2}").Text);
        }, iter: Iterations);
    }

    [Fact]
    public void Canonicalisation_preserves_the_function()
    {
        var family = Family(ActivationMode.Free);
        var set = ActivationPrimitives.Set;
        Gen.ULong.Sample(seed =>
        {
            var rng = new Rng(seed);
            string a = family.Random(rng).Text, b = family.Random(rng).Text;
            var raw = ExprParser.Parse($"({a}) * (({b}) + 1 + 2)", set);
            var canonical = family.Parse($"({a}) * (({b}) + 1 + 2)");
            foreach (double x in new[] { -1.3, 0.2, 0.9 })
            {
                double expected = ScalarEvaluator.Evaluate(raw, x, l => l.Init), actual = canonical.Evaluate(x);
                if (double.IsFinite(expected) && Math.Abs(expected) < 1e6)
                    Assert.Equal(expected, actual, 1e-9 * Math.Max(1, Math.Abs(expected)));
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Random_is_deterministic_per_seed()
    {
        var family = Family(ActivationMode.CoreUnit);
        for (ulong seed = 0; seed < 50; seed++)
            Assert.Equal(family.Random(new Rng(seed)).Text, family.Random(new Rng(seed)).Text);
    }
}
