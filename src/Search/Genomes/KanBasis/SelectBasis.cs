namespace Search.Genomes.KanBasis;

/// <summary>
/// S-KAN selection: the node weights several candidate bases and is pruned to one during training.
/// Candidates are plain (non-select) bases, sorted by canonical text and distinct, at least two.
/// Build it with <see cref="Create"/>, which canonicalises.
/// </summary>
public sealed record SelectBasis : Basis
{
    private SelectBasis(IReadOnlyList<Basis> candidates) => Candidates = candidates;

    public IReadOnlyList<Basis> Candidates { get; }

    public override KanBasisKind Kind => KanBasisKind.Select;

    /// <summary>
    /// Sorts and deduplicates; one distinct candidate gives that basis itself (a choice of one is no choice).
    /// </summary>
    public static Basis Create(IEnumerable<Basis> candidates)
    {
        var distinct = candidates
            .Select(c => c is SelectBasis ? throw new ArgumentException("select cannot nest") : c)
            .DistinctBy(c => c.Text)
            .OrderBy(c => c.Text, StringComparer.Ordinal)
            .ToArray();
        return distinct.Length switch
        {
            0 => throw new ArgumentException("select needs candidates"),
            1 => distinct[0],
            _ => new SelectBasis(distinct),
        };
    }

    public bool Equals(SelectBasis? other) => other is not null && Text == other.Text;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);
}
