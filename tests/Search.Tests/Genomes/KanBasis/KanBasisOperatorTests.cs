using Search.Core;
using Search.Genomes.KanBasis;

namespace Search.Tests.Genomes.KanBasis;

/// <summary>Each kind of edit the mutation promises actually happens, and operators respect narrow spaces.</summary>
public class KanBasisOperatorTests
{
    [Fact]
    public void Mutation_changes_kinds_tweaks_parameters_edits_selects_and_overrides()
    {
        var family = new KanBasisFamily(KanSpaces.PerNode);
        var rng = new Rng(11);
        int kind = 0, tweak = 0, addCandidate = 0, removeCandidate = 0, addOverride = 0, removeOverride = 0;
        for (int n = 0; n < 4000; n++)
        {
            var parent = family.Random(rng);
            var child = family.Mutate(parent, rng);
            for (int i = 0; i < parent.Layers.Count; i++)
            {
                KanLayer p = parent.Layers[i], c = child.Layers[i];
                if (p.Equals(c)) continue;
                int pc = Candidates(p.Basis), cc = Candidates(c.Basis);
                if (c.Overrides.Count > p.Overrides.Count) addOverride++;
                else if (c.Overrides.Count < p.Overrides.Count && p.Basis.Equals(c.Basis)) removeOverride++;
                else if (cc > pc && (p.Basis is not SelectBasis || c.Basis is SelectBasis)) addCandidate++;
                else if (cc < pc && p.Basis is SelectBasis) removeCandidate++;
                else if (p.Basis.Kind != c.Basis.Kind) kind++;
                else if (p.Basis.Kind != KanBasisKind.Select && p.Basis != c.Basis) tweak++;
            }
        }
        Assert.All(new[] { kind, tweak, addCandidate, removeCandidate, addOverride, removeOverride }, count => Assert.True(count > 50, $"counts {kind} {tweak} {addCandidate} {removeCandidate} {addOverride} {removeOverride}"));
    }

    private static int Candidates(Basis b) => b is SelectBasis s ? s.Candidates.Count : 1;

    [Fact]
    public void A_space_with_one_fixed_basis_gives_back_the_parent()
    {
        var space = new KanSpace { Layers = 2, Allowed = [KanBasisKind.Chebyshev], Degree = new(4, 4) };
        var family = new KanBasisFamily(space);
        var rng = new Rng(3);
        var g = family.Random(rng);
        Assert.Equal("chebyshev(degree=4) | chebyshev(degree=4)", g.Text);
        Assert.Equal(g, family.Mutate(g, rng));
    }

    [Fact]
    public void Tweaks_stay_within_a_narrow_range()
    {
        var space = new KanSpace { Layers = 1, Allowed = [KanBasisKind.BSpline], Grid = new(4, 6), Order = new(3, 3) };
        var family = new KanBasisFamily(space);
        var rng = new Rng(5);
        var g = family.Random(rng);
        var seen = new HashSet<string>();
        for (int i = 0; i < 200; i++)
        {
            g = family.Mutate(g, rng);
            seen.Add(g.Text);
            Assert.Null(KanSpaceCheck.Violation(space, g));
        }
        Assert.Equal(["bspline(grid=4,order=3)", "bspline(grid=5,order=3)", "bspline(grid=6,order=3)"], seen.Order());
    }

    [Fact]
    public void Crossover_of_different_layer_counts_is_refused()
    {
        var a = new KanBasisFamily(KanSpaces.Two);
        var b = new KanBasisFamily(KanSpaces.PerLayer);
        var rng = new Rng(1);
        Assert.Throws<ArgumentException>(() => a.Crossover(a.Random(rng), b.Random(rng), rng));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(2, true)]
    public void Invalid_spaces_are_refused(int layers, bool perNodeWithoutWidths)
    {
        var space = new KanSpace { Layers = layers, PerNode = perNodeWithoutWidths };
        Assert.Throws<ArgumentException>(() => new KanBasisFamily(space));
    }

    [Fact]
    public void A_range_starting_below_one_is_refused() =>
        Assert.Throws<ArgumentException>(() => new KanBasisFamily(new KanSpace { Grid = new(0, 8) }));

    [Fact]
    public void A_space_of_select_alone_is_refused() =>
        Assert.Throws<ArgumentException>(() => new KanBasisFamily(new KanSpace { Allowed = [KanBasisKind.Select] }));
}
