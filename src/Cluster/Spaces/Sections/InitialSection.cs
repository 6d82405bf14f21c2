using Cluster.Spaces.Families;
using Cluster.Spaces.Yaml;
using Search.Core;

namespace Cluster.Spaces.Sections;

/// <summary>
/// The "initial" section: genome texts the initial population is drawn from (see
/// <see cref="SeededFamily"/>), the share of initial draws taken from them, and the chance a
/// drawn seed is mutated once. Seeds must parse and lie inside the family's space.
/// </summary>
internal static class InitialSection
{
    private static readonly string[] Keys = ["seeds", "share", "mutate"];

    /// <summary>The family the strategy sees: seeded when the section lists seeds, else the family itself.</summary>
    public static IGenomeFamily<IGenome> Read(YamlSection top, LoadedFamily loaded)
    {
        var s = top.OptionalSection("initial", Keys);
        if (s is null) return loaded.Family;
        var seeds = new List<IGenome>();
        foreach (var node in s.Scalars("seeds"))
        {
            var genome = GenomeTexts.Parse(s.Source, loaded.Family, node, "initial seed");
            if (loaded.Violation(genome) is { } problem) throw s.Source.Error(node, $"initial seed '{genome.Text}' is {problem}");
            if (seeds.All(g => g.Text != genome.Text)) seeds.Add(genome);
        }
        if (seeds.Count == 0) throw s.Source.Error(s.KeyNode("seeds"), "'initial' needs 'seeds': a list of genome texts");
        s.Record("seeds", string.Join("\n", seeds.Select(g => g.Text)));
        double share = s.Double("share", 1.0, 0, 1), mutate = s.Double("mutate", 0.0, 0, 1);
        return SeededFamily.Create(loaded.Family, seeds, share, mutate);
    }
}
