using Search.Core;

namespace Search.Genomes.KanBasis;

/// <summary>
/// A per-layer basis choice for a KAN: <c>bspline(grid=5,order=3) | rbf(centers=8,width=1,range=2)</c>.
/// Always canonical; equal text means equal genome.
/// </summary>
public sealed class KanBasisGenome : IGenome, IEquatable<KanBasisGenome>
{
    private KanBasisGenome(IReadOnlyList<KanLayer> layers)
    {
        Layers = layers;
        Text = string.Join(" | ", layers.Select(l => l.Text));
        // The canonical text is a one-to-one encoding of the structure, so hashing it per layer is structural.
        ulong h = StableHash.Of(KanBasisFamily.FamilyName);
        foreach (var layer in layers) h = StableHash.Combine(h, StableHash.Of(layer.Text));
        StructuralHash = h;
    }

    public IReadOnlyList<KanLayer> Layers { get; }
    public string Text { get; }
    public ulong StructuralHash { get; }

    /// <summary>Builds from layers (already canonical by construction); no space check, see <see cref="KanSpaceCheck"/>.</summary>
    public static KanBasisGenome Create(IEnumerable<KanLayer> layers)
    {
        var list = layers.ToArray();
        if (list.Length == 0) throw new ArgumentException("a KAN has at least one layer", nameof(layers));
        return new KanBasisGenome(list);
    }

    public bool Equals(KanBasisGenome? other) => other is not null && Text == other.Text;
    public override bool Equals(object? obj) => Equals(obj as KanBasisGenome);
    public override int GetHashCode() => (int)StructuralHash;
    public override string ToString() => Text;
}
