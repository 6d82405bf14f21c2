using Search.Genomes.KanBasis;

namespace Search.Tests.Genomes.KanBasis;

/// <summary>The spaces the kan-basis tests run in: plain per-layer choice, and per-node overrides on.</summary>
public static class KanSpaces
{
    public static readonly KanSpace PerLayer = new() { Layers = 3 };

    public static readonly KanSpace PerNode = new() { Layers = 3, PerNode = true, Widths = [4, 6, 2], MaxOverrides = 3 };

    /// <summary>Two layers, defaults otherwise: short texts for parse-error tests.</summary>
    public static readonly KanSpace Two = new() { Layers = 2 };

    public static readonly IReadOnlyList<KanBasisFamily> Families = [new(PerLayer), new(PerNode)];
}
