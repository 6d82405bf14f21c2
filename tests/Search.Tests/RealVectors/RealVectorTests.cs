using CsCheck;
using Search.Core;
using Search.Genomes.RealVector;

namespace Search.Tests.RealVectors;

public class RealVectorTests
{
    private static readonly RealVectorFamily Family = new([0, -5, -5], [1, 5, 5]);

    [Fact]
    public void Canonical_text_is_bracketed_round_trip_numbers()
    {
        Assert.Equal("[0.5, 0.25]", new RealVector([0.5, 0.25]).Text);
        Assert.Equal("[0, 0.1, -3]", Family.Parse(" [ -0 ,0.1,  -3.0 ] ").Text);
        Assert.Equal(Family.Parse("[0, 0.1, -3]").StructuralHash, Family.Parse("[0.0, 0.10, -3]").StructuralHash);
    }

    [Fact]
    public void Parse_of_text_gives_the_same_values_bit_for_bit()
    {
        Gen.Select(Gen.Double[0, 1], Gen.Double[-5, 5], Gen.Double[-5, 5]).Sample((a, b, c) =>
        {
            var v = new RealVector([a, b, c]);
            var back = Family.Parse(v.Text);
            Assert.Equal(v, back);
            Assert.Equal(v.Text, back.Text);
        }, iter: 500);
    }

    [Theory]
    [InlineData("0.5, 0, 0]", 1, "'['")]
    [InlineData("[0.5, x, 0]", 7, "a finite number")]
    [InlineData("[0.5, 0 0]", 9, "',' or ']'")]
    [InlineData("[0.5, 9, 0]", 7, "inside [-5, 5]")]
    public void Parse_errors_name_the_position_and_what_was_expected(string text, int column, string expected)
    {
        var e = Assert.Throws<GenomeParseException>(() => Family.Parse(text));
        Assert.Equal(column, e.Position + 1);
        Assert.Contains(expected, e.Expected);
    }

    [Fact]
    public void Wrong_length_is_refused()
    {
        var e = Assert.Throws<GenomeParseException>(() => Family.Parse("[0.5, 0]"));
        Assert.Contains("3 values", e.Expected);
    }

    [Fact]
    public void Operators_stay_in_bounds_and_are_deterministic()
    {
        Gen.ULong.Sample(seed =>
        {
            var rng = new Rng(seed);
            var a = Family.Random(rng);
            var b = Family.Random(rng);
            foreach (var child in new[] { Family.Crossover(a, b, rng), Family.Mutate(a, rng) })
                for (int i = 0; i < 3; i++)
                    Assert.InRange(child[i], Family.Lower[i], Family.Upper[i]);
            var again = new Rng(seed);
            Assert.Equal(a, Family.Random(again));
        }, iter: 300);
    }

    [Fact]
    public void Defaults_are_the_standard_protocol()
    {
        Assert.Equal(1.0, Family.CrossoverProbability);
        Assert.Equal(20, Family.CrossoverEta);
        Assert.Equal(1.0 / 3, Family.MutationProbability, 12);
        Assert.Equal(20, Family.MutationEta);
        Assert.Equal("real-vector", Family.Name);
    }

    [Fact]
    public void Sbx_of_equal_parents_is_the_parent_and_children_stay_near_parents()
    {
        var rng = new Rng(7);
        var p = new RealVector([0.3, 1, -1]);
        Assert.Equal(p, Family.Crossover(p, p, rng));
        // With eta 20 children cluster around the parents: mean absolute spread is small.
        var a = new RealVector([0.2, -2, 2]);
        var b = new RealVector([0.4, 2, -2]);
        double spread = Enumerable.Range(0, 2000).Select(_ => Family.Crossover(a, b, rng))
            .Average(c => Math.Min(Math.Abs(c[1] - a[1]), Math.Abs(c[1] - b[1])));
        Assert.InRange(spread, 0.0, 0.5);
    }

    [Fact]
    public void Polynomial_mutation_changes_about_one_variable_in_n()
    {
        var rng = new Rng(3);
        var p = new RealVector([0.5, 0, 0]);
        double changed = Enumerable.Range(0, 3000).Select(_ => Family.Mutate(p, rng)).Sum(c => Enumerable.Range(0, 3).Count(i => c[i] != p[i]));
        Assert.InRange(changed / 3000, 0.9, 1.1);
        Assert.Equal(p, new RealVectorFamily([0, -5, -5], [1, 5, 5], mutationProbability: 0).Mutate(p, rng));
    }

    [Fact]
    public void Crossover_pair_gives_both_sbx_children_and_single_crossover_one_of_them()
    {
        Gen.ULong.Sample(seed =>
        {
            var rng = new Rng(seed);
            var a = Family.Random(rng);
            var b = Family.Random(rng);
            var state = rng.State;
            var (first, second) = Family.CrossoverPair(a, b, rng);
            var one = Family.Crossover(a, b, Rng.FromState(state));
            Assert.True(one.Equals(first) || one.Equals(second), $"{one.Text} is neither {first.Text} nor {second.Text}");
            foreach (var child in new[] { first, second })
                for (int i = 0; i < 3; i++)
                    Assert.InRange(child[i], Family.Lower[i], Family.Upper[i]);
        }, iter: 300);
    }

    [Fact]
    public void Crossover_pair_with_probability_zero_returns_the_parents()
    {
        var family = new RealVectorFamily([0, 0], [1, 1], crossoverProbability: 0);
        var (a, b) = (new RealVector([0.1, 0.2]), new RealVector([0.9, 0.8]));
        var (first, second) = family.CrossoverPair(a, b, new Rng(5));
        Assert.Same(a, first);
        Assert.Same(b, second);
        // With probability 1, distinct parents are recombined in at least one variable over a few tries.
        var rng = new Rng(5);
        Assert.Contains(Enumerable.Range(0, 10).Select(_ => Family.CrossoverPair(Family.Random(rng), Family.Random(rng), rng)),
            pair => !pair.First.Equals(pair.Second));
    }
}
