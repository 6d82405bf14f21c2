namespace Search.Genomes.KanBasis.Reference;

/// <summary>The AF-KAN combinations of the two activated features x1, x2.</summary>
internal static class AfCombinationFunctions
{
    public static double Apply(AfCombination comb, double x1, double x2) => comb switch
    {
        AfCombination.Quad1 => (x1 * x2) * (x1 * x2),
        AfCombination.Quad2 => x1 * x2 + x1 * x1 + x2 * x2,
        AfCombination.Sum => x1 + x2,
        AfCombination.Prod => x1 * x2,
        AfCombination.SumProd => x1 + x2 + x1 * x2,
        AfCombination.Cubic1 => (x1 + x2) * (x1 * x1 + x2 * x2),
        AfCombination.Cubic2 => (x1 * x2) * (x1 * x2) * (x1 * x2),
        _ => throw new ArgumentOutOfRangeException(nameof(comb), comb, "unknown AF-KAN combination"),
    };
}
