namespace Search.Genomes.KanBasis;

/// <summary>
/// One layer's choice: a basis for all its nodes, and per-node overrides sorted by node, at most one
/// per node, none equal to the layer basis. Build it with <see cref="Create"/>, which canonicalises.
/// </summary>
public sealed class KanLayer : IEquatable<KanLayer>
{
    private KanLayer(Basis basis, IReadOnlyList<KanNodeOverride> overrides)
    {
        Basis = basis;
        Overrides = overrides;
        Text = overrides.Count == 0 ? basis.Text : $"{basis.Text}{{{string.Join(",", overrides.Select(o => o.Text))}}}";
    }

    public Basis Basis { get; }
    public IReadOnlyList<KanNodeOverride> Overrides { get; }
    public string Text { get; }

    /// <summary>The basis node <paramref name="node"/> uses.</summary>
    public Basis BasisOf(int node) => Overrides.FirstOrDefault(o => o.Node == node)?.Basis ?? Basis;

    /// <summary>Sorts overrides by node and drops those equal to the layer basis; a node given twice throws.</summary>
    public static KanLayer Create(Basis basis, IEnumerable<KanNodeOverride>? overrides = null)
    {
        var sorted = (overrides ?? []).OrderBy(o => o.Node).ToArray();
        for (int i = 1; i < sorted.Length; i++)
            if (sorted[i].Node == sorted[i - 1].Node) throw new ArgumentException($"node {sorted[i].Node} is overridden twice");
        return new KanLayer(basis, sorted.Where(o => o.Basis.Text != basis.Text).ToArray());
    }

    public bool Equals(KanLayer? other) => other is not null && Text == other.Text;
    public override bool Equals(object? obj) => Equals(obj as KanLayer);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);
    public override string ToString() => Text;
}
