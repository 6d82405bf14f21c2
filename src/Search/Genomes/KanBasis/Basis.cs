using Search.Genomes.KanBasis.Schema;

namespace Search.Genomes.KanBasis;

/// <summary>
/// One basis choice for a KAN edge function. The concrete records carry typed hyperparameters for
/// the evaluators; <see cref="Text"/> is the canonical spelling, e.g. <c>bspline(grid=5,order=3)</c>.
/// Range checks belong to <see cref="KanSpace"/>; these records only hold values.
/// </summary>
public abstract record Basis
{
    // Closed hierarchy: every kind has a schema entry, so no outside subclasses.
    private protected Basis() { }

    public abstract KanBasisKind Kind { get; }

    /// <summary>Canonical text: name, then every parameter in fixed order, numbers in canonical spelling.</summary>
    public string Text => BasisSchemas.Print(this);

    public sealed override string ToString() => Text;
}
