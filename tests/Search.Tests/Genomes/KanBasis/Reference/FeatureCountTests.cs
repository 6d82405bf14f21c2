using Search.Core;
using Search.Genomes.KanBasis;
using Search.Genomes.KanBasis.Reference;

namespace Search.Tests.Genomes.KanBasis.Reference;

/// <summary>FeatureCount agrees with the features computed, for random bases of every kind.</summary>
public class FeatureCountTests
{
    private static IEnumerable<Basis> RandomBases(int seed)
    {
        var family = new KanBasisFamily(new KanSpace { Layers = 4 });
        var rng = new Rng((ulong)seed);
        for (int i = 0; i < 200; i++)
            foreach (var layer in family.Random(rng).Layers)
                yield return layer.Basis;
    }

    [Fact]
    public void Matches_the_feature_length_for_every_kind()
    {
        var seen = new HashSet<KanBasisKind>();
        foreach (var basis in RandomBases(11))
        {
            seen.Add(basis.Kind);
            var plain = basis is SelectBasis s ? s.Candidates : [basis];
            foreach (var candidate in plain)
            {
                seen.Add(candidate.Kind);
                foreach (double x in new[] { -3.0, -1.0, 0.1, 1.0, 2.5 })
                {
                    var f = KanReference.Features(candidate, x);
                    Assert.Equal(KanReference.FeatureCount(candidate), f.Length);
                    Assert.All(f, v => Assert.True(double.IsFinite(v), $"{candidate.Text} at {x}: {v}"));
                }
            }
            if (basis is SelectBasis select)
                Assert.Equal(select.Candidates.Sum(c => KanReference.Features(c, 0.3).Length), KanReference.FeatureCount(select));
        }
        Assert.Equal(Enum.GetValues<KanBasisKind>().Length, seen.Count);
    }

    [Fact]
    public void Select_features_point_to_the_candidates()
    {
        var select = SelectBasis.Create([new ChebyshevBasis(4), new FourierBasis(5)]);
        var e = Assert.Throws<ArgumentException>(() => KanReference.Features(select, 0.5));
        Assert.Contains("candidates", e.Message);
        Assert.Equal(5 + 10, KanReference.FeatureCount(select));
    }
}
