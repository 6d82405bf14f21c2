namespace Search.Core;

/// <summary>
/// A candidate layer. Genomes are immutable and always canonical: two genomes with equal
/// <see cref="Text"/> are the same candidate, and the text is what users write, logs print and
/// the store keeps.
/// </summary>
public interface IGenome
{
    /// <summary>The canonical text form; parsing it gives back an equal genome.</summary>
    string Text { get; }

    /// <summary>A hash of the canonical structure, stable across processes and versions of .NET.</summary>
    ulong StructuralHash { get; }
}
