using Search.Core;
using Search.Genomes.KanBasis;

namespace Search.Tests.Genomes.KanBasis;

/// <summary>rbf needs at least 2 centres (its width is in centre spacings): spaces, hand-built genomes and text refuse fewer.</summary>
public class KanRbfCentersTests
{
    [Fact]
    public void A_space_whose_centre_range_starts_at_one_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new KanBasisFamily(new KanSpace { Centers = new(1, 8) }));
        Assert.Contains("range 'Centers' must start at 2 or more (1..8)", e.Message);
        Assert.Contains("centre spacings", e.Message);
    }

    [Fact]
    public void Two_centres_are_enough() => Assert.Equal(2, new KanBasisFamily(new KanSpace { Centers = new(2, 2) }).Space.Centers.Min);

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_hand_built_genome_with_fewer_than_two_centres_is_named(int centers)
    {
        // Even in a space that (invalidly) admits it: the rule is the basis's, not the range's.
        var space = new KanSpace { Layers = 1, Centers = new(-5, 8) };
        var genome = KanBasisGenome.Create([KanLayer.Create(SelectBasis.Create([new ChebyshevBasis(), new RbfBasis(centers)]))]);
        var violation = KanSpaceCheck.Violation(space, genome);
        Assert.NotNull(violation);
        Assert.Contains($"rbf centers={centers}: expected at least 2", violation);
    }

    [Fact]
    public void Text_with_one_centre_is_a_parse_error_at_the_value()
    {
        var e = Assert.Throws<GenomeParseException>(() => new KanBasisFamily(new KanSpace { Layers = 1 }).Parse("rbf(centers=1)"));
        Assert.Equal(12, e.Position);
        Assert.Contains("integer for 'centers' (2..32)", e.Expected);
    }
}
