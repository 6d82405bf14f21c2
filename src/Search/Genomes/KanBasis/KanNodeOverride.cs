namespace Search.Genomes.KanBasis;

/// <summary>Node <see cref="Node"/> (0-based, within its layer) uses <see cref="Basis"/> instead of the layer's basis.</summary>
public sealed record KanNodeOverride(int Node, Basis Basis)
{
    public string Text => $"{Node}:{Basis.Text}";

    public override string ToString() => Text;
}
