using CsCheck;
using Search.Core;
using Search.Genomes.Expressions;
using Search.Genomes.NormAct;

namespace Search.Tests.Genomes.NormAct;

/// <summary>Properties over thousands of random norm-act graphs.</summary>
public class NormActPropertyTests
{
    public const int Iterations = 3000;

    private readonly NormActFamily _family = new();

    private void AssertValidCanonical(NormActGenome genome)
    {
        Assert.True(_family.IsWithinLimits(genome), $"outside limits: {genome.Text}");
        Assert.True(genome.NodeCount <= _family.Space.MaxNodes && genome.TreeSize <= _family.Space.MaxTreeSize
            && genome.Depth <= _family.Space.MaxDepth, genome.Text);
        Assert.True(ExprMetrics.ContainsVariable(genome.Root), genome.Text);
        var reparsed = _family.Parse(genome.Text);
        Assert.Equal(genome.Text, reparsed.Text);
        Assert.Equal(genome.Root, reparsed.Root);
        Assert.Equal(genome.Root, Canonicalizer.Canonicalize(genome.Root, NormActPrimitives.Set));
        Assert.Equal(StableHash.Of(genome.Text), genome.StructuralHash);
        Assert.Equal(genome.Nodes.Count, genome.Nodes.Distinct().Count());
    }

    [Fact]
    public void Random_graphs_round_trip_and_are_canonical() =>
        Gen.ULong.Sample(seed => AssertValidCanonical(_family.Random(new Rng(seed))), iter: Iterations);

    [Fact]
    public void Mutations_stay_valid_canonical_and_in_limits() =>
        Gen.ULong.Sample(seed =>
        {
            var rng = new Rng(seed);
            var genome = _family.Random(rng);
            for (int step = 0; step < 3; step++)
            {
                genome = _family.Mutate(genome, rng);
                AssertValidCanonical(genome);
            }
        }, iter: Iterations);

    [Fact]
    public void Crossovers_stay_valid_canonical_and_in_limits() =>
        Gen.ULong.Sample(seed =>
        {
            var rng = new Rng(seed);
            AssertValidCanonical(_family.Crossover(_family.Random(rng), _family.Random(rng), rng));
        }, iter: Iterations);

    [Fact]
    public void Mutating_the_reference_layers_stays_valid()
    {
        string[] references =
        [
            "max((x - batch_mean(x)) / batch_std(x) * gamma + beta, 0)",
            "x / max(batch_std(x), v1 * x + instance_std(x)) * gamma + beta",
            "x * sigmoid(v1 * x) / group_std(x) * gamma + beta",
        ];
        var rng = new Rng(11);
        foreach (var text in references)
            for (int i = 0; i < 300; i++) AssertValidCanonical(_family.Mutate(_family.Parse(text), rng));
    }

    [Fact]
    public void Mutation_changes_the_genome()
    {
        var rng = new Rng(3);
        int changed = Enumerable.Range(0, 1000).Count(_ => _family.Random(rng) is var g && _family.Mutate(g, rng).Text != g.Text);
        Assert.True(changed > 990, $"only {changed} of 1000 mutations changed the genome");
    }

    [Fact]
    public void Most_random_graphs_use_an_aggregate()
    {
        var rng = new Rng(5);
        int with = Enumerable.Range(0, 1000).Count(_ =>
            ExprMetrics.Contains(_family.Random(rng).Root, n => n is UnaryExpr u && u.Op.IsAggregate()));
        Assert.True(with > 850, $"{with} of 1000 random graphs have an aggregate");
    }

    [Fact]
    public void Distinct_texts_have_distinct_hashes_on_the_sample()
    {
        var byHash = new Dictionary<ulong, string>();
        var rng = new Rng(99);
        for (int i = 0; i < 5000; i++)
        {
            var g = _family.Random(rng);
            if (byHash.TryGetValue(g.StructuralHash, out var seen)) Assert.Equal(seen, g.Text);
            else byHash[g.StructuralHash] = g.Text;
        }
        Assert.True(byHash.Count > 2500, $"only {byHash.Count} distinct graphs sampled");
    }

    [Fact]
    public void Commutative_reorderings_and_constant_sums_canonicalise_alike() =>
        Gen.Select(Gen.ULong, Gen.Int[-20, 20], Gen.Int[-20, 20]).Sample((seed, c1, c2) =>
        {
            var rng = new Rng(seed);
            string a = _family.Random(rng).Text, b = _family.Random(rng).Text;
            Assert.Equal(_family.Parse($"({a}) * ({b}) + beta").Text, _family.Parse($"beta + ({b}) * ({a})").Text);
            Assert.Equal(_family.Parse($"max({a}, {b})").Text, _family.Parse($"max({b}, {a})").Text);
            Assert.Equal(_family.Parse($"tanh({a}) + {c1 + c2}").Text, _family.Parse($"{c1} + tanh({a}) + {c2}").Text);
        }, iter: Iterations);
}
