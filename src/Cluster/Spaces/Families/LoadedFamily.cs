using Search.Core;

namespace Cluster.Spaces.Families;

/// <summary>A family built from its file section, and how to tell whether a genome lies inside its space (null = inside).</summary>
internal sealed record LoadedFamily(IGenomeFamily<IGenome> Family, Func<IGenome, string?> Violation);
