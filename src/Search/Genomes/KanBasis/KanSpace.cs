using Search.Genomes.Text;

namespace Search.Genomes.KanBasis;

/// <summary>
/// Settings of a kan-basis search: how many layers, which bases, the hyperparameter ranges and
/// whether single nodes may override their layer's basis. Ranges shared by several bases (grid,
/// order) apply to all of them.
/// </summary>
public sealed record KanSpace
{
    public int Layers { get; init; } = 2;

    /// <summary>Bases the search may use; <see cref="KanBasisKind.Select"/> allows S-KAN selections among the others.</summary>
    public IReadOnlyList<KanBasisKind> Allowed { get; init; } = Enum.GetValues<KanBasisKind>();

    public IntRange Grid { get; init; } = new(2, 32);
    public IntRange Order { get; init; } = new(1, 5);

    /// <summary>RBF centre counts; at least <see cref="RbfBasis.MinCenters"/>.</summary>
    public IntRange Centers { get; init; } = new(2, 32);

    /// <summary>RBF width in units of the centre spacing.</summary>
    public RealRange Width { get; init; } = new(0.25, 4);

    /// <summary>RBF centres span [-Range, Range].</summary>
    public RealRange Range { get; init; } = new(0.5, 4);

    public IntRange Degree { get; init; } = new(1, 16);
    public IntRange Frequencies { get; init; } = new(1, 16);
    public IntRange Numerator { get; init; } = new(1, 8);
    public IntRange Denominator { get; init; } = new(1, 8);
    public IntRange Groups { get; init; } = new(1, 16);
    public IReadOnlyList<AfActivation> AfActivations { get; init; } = Enum.GetValues<AfActivation>();
    public IReadOnlyList<AfCombination> AfCombinations { get; init; } = Enum.GetValues<AfCombination>();

    /// <summary>Most distinct candidates in one select (at least 2).</summary>
    public int MaxSelectCandidates { get; init; } = 3;

    /// <summary>Whether nodes may override their layer's basis; then <see cref="Widths"/> gives each layer's node count.</summary>
    public bool PerNode { get; init; }

    public IReadOnlyList<int> Widths { get; init; } = [];

    /// <summary>Most overridden nodes in one layer.</summary>
    public int MaxOverrides { get; init; } = 4;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first inconsistent setting.</summary>
    public void Validate()
    {
        if (Layers < 1) throw new ArgumentException($"Layers must be at least 1 (is {Layers})");
        var plain = Allowed.Where(k => k != KanBasisKind.Select).Distinct().ToArray();
        if (plain.Length == 0) throw new ArgumentException("Allowed needs at least one basis other than select");
        if (Allowed.Contains(KanBasisKind.Select) && MaxSelectCandidates < 2)
            throw new ArgumentException($"MaxSelectCandidates must be at least 2 (is {MaxSelectCandidates})");
        foreach (var (r, n) in new[] { (Grid, "Grid"), (Order, "Order"), (Centers, "Centers"), (Degree, "Degree"),
                     (Frequencies, "Frequencies"), (Numerator, "Numerator"), (Denominator, "Denominator"), (Groups, "Groups") })
        {
            r.Validate(n);
            if (r.Min < 1) throw new ArgumentException($"range '{n}' must start at 1 or more ({r})");
        }
        if (Centers.Min < RbfBasis.MinCenters)
            throw new ArgumentException($"range 'Centers' must start at {RbfBasis.MinCenters} or more ({Centers}): {RbfBasis.CentersRule}");
        Width.Validate(nameof(Width));
        Range.Validate(nameof(Range));
        if (Width.Min <= 0 || Range.Min <= 0) throw new ArgumentException("Width and Range must be positive");
        if (AfActivations.Count == 0 || AfCombinations.Count == 0)
            throw new ArgumentException("AfActivations and AfCombinations need at least one member each");
        if (PerNode)
        {
            if (Widths.Count != Layers) throw new ArgumentException($"Widths needs {Layers} entries when PerNode is on (has {Widths.Count})");
            if (Widths.Any(w => w < 1)) throw new ArgumentException("Widths must be positive");
            if (MaxOverrides < 1) throw new ArgumentException($"MaxOverrides must be at least 1 (is {MaxOverrides})");
        }
    }
}
