using Evaluators.Families;
using Search.Core;

namespace Cluster.Spaces.Families;

/// <summary>A family built from its file section: the bound settings jobs carry, and its genomes over them.</summary>
internal sealed record LoadedFamily(FamilySpace Space, IGenomeFamily<IGenome> Family)
{
    /// <summary>Why the genome lies outside the space (null = inside).</summary>
    public string? Violation(IGenome genome) => Space.Family.Violation(Space.Settings, genome);
}
