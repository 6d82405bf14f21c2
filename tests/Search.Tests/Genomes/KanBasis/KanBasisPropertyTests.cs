using CsCheck;
using Search.Core;
using Search.Genomes.KanBasis;

namespace Search.Tests.Genomes.KanBasis;

/// <summary>
/// Properties over thousands of random genomes per space (two spaces: per-layer, per-node).
/// Each Sample draws a seed, builds genomes from it with the engine's Rng, and checks one law.
/// </summary>
public class KanBasisPropertyTests
{
    private const int Iterations = 3000;

    /// <summary>Runs <paramref name="check"/> on <paramref name="iterations"/> seeds in each space.</summary>
    private static void ForAll(Action<KanBasisFamily, Rng> check, int iterations = Iterations)
    {
        foreach (var family in KanSpaces.Families)
            Gen.ULong.Sample(seed => check(family, new Rng(seed)), iter: iterations);
    }

    [Fact]
    public void Random_genomes_are_inside_the_space_and_round_trip()
    {
        ForAll((f, rng) =>
        {
            var g = f.Random(rng);
            Assert.Null(KanSpaceCheck.Violation(f.Space, g));
            var back = f.Parse(g.Text);
            Assert.Equal(g.Text, back.Text);
            Assert.Equal(g.StructuralHash, back.StructuralHash);
            Assert.Equal(g, back);
        });
    }

    [Fact]
    public void Equivalent_spellings_parse_to_the_canonical_text_and_canonicalisation_is_idempotent()
    {
        ForAll((f, rng) =>
        {
            var g = f.Random(rng);
            string spelled = KanRespeller.Genome(g, f.Space, rng);
            var parsed = f.Parse(spelled);
            Assert.Equal(g.Text, parsed.Text);
            Assert.Equal(parsed.Text, f.Parse(parsed.Text).Text);
        });
    }

    [Fact]
    public void Mutants_are_valid_canonical_in_range_and_almost_always_new()
    {
        foreach (var family in KanSpaces.Families)
        {
            int changed = 0;
            Gen.ULong.Sample(seed =>
            {
                var rng = new Rng(seed);
                var parent = family.Random(rng);
                var child = family.Mutate(parent, rng);
                Assert.Null(KanSpaceCheck.Violation(family.Space, child));
                Assert.Equal(child.Text, family.Parse(child.Text).Text);
                if (child.Text != parent.Text) Interlocked.Increment(ref changed);
            }, iter: Iterations);
            Assert.True(changed > Iterations * 0.99, $"only {changed} of {Iterations} mutants differ");
        }
    }

    [Fact]
    public void Chains_of_mutations_stay_valid()
    {
        ForAll((f, rng) =>
        {
            var g = f.Random(rng);
            for (int i = 0; i < 10; i++)
            {
                g = f.Mutate(g, rng);
                Assert.Null(KanSpaceCheck.Violation(f.Space, g));
            }
            Assert.Equal(g.Text, f.Parse(g.Text).Text);
        }, iterations: 1000);
    }

    [Fact]
    public void Crossover_takes_each_layer_from_a_parent_and_stays_valid()
    {
        ForAll((f, rng) =>
        {
            var a = f.Random(rng);
            var b = f.Random(rng);
            var child = f.Crossover(a, b, rng);
            Assert.Null(KanSpaceCheck.Violation(f.Space, child));
            Assert.Equal(child.Text, f.Parse(child.Text).Text);
            for (int i = 0; i < child.Layers.Count; i++)
                Assert.True(child.Layers[i].Equals(a.Layers[i]) || child.Layers[i].Equals(b.Layers[i]), $"layer {i} from neither parent");
        });
    }

    [Fact]
    public void Hashes_are_distinct_on_a_sample_of_distinct_texts()
    {
        foreach (var family in KanSpaces.Families)
        {
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
    }

    [Fact]
    public void Same_seed_gives_the_same_genomes()
    {
        foreach (var family in KanSpaces.Families)
        {
            static List<string> Run(KanBasisFamily f)
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
            Assert.Equal(Run(family), Run(family));
        }
    }
}
