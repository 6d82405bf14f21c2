using Search.Genomes.KanBasis;

namespace Evaluators.Families.KanBasis.Export;

/// <summary>
/// Per basis, without building tensors: its feature count C and how its coefficients are drawn,
/// as the layer's features define them (this folder's README; <see cref="KanFeatureFactory"/>).
/// </summary>
public static class KanBasisFacts
{
    public static int Features(Basis basis) => basis switch
    {
        BSplineBasis b => b.Grid + b.Order,
        RbfBasis b => b.Centers,
        ChebyshevBasis b => b.Degree + 1,
        FourierBasis b => 2 * b.Frequencies,
        RationalBasis => 1,
        ReluKanBasis b => b.Grid + b.Order,
        AfKanBasis b => b.Grid + b.Order,
        SelectBasis s => s.Candidates.Sum(Features),
        _ => throw new ArgumentException($"unknown basis '{basis.Text}'", nameof(basis)),
    };

    /// <summary>The pieces of W along its feature axis: one per basis, one per candidate of a select.</summary>
    public static IReadOnlyList<KanWeightPiece> WeightPieces(Basis basis) =>
        basis is SelectBasis s ? s.Candidates.Select(Piece).ToArray() : [Piece(basis)];

    private static KanWeightPiece Piece(Basis basis)
    {
        int c = Features(basis);
        return basis switch
        {
            BSplineBasis or RbfBasis => new(c, 0.1, Root: true, Multiplier: 1),
            ChebyshevBasis b => new(c, 1.0, Root: false, Multiplier: b.Degree + 1),
            FourierBasis or ReluKanBasis => new(c, 1.0, Root: true, Multiplier: c),
            AfKanBasis => new(c, 1.0, Root: true, Multiplier: 1),
            RationalBasis => new(c, 1.0, Root: true, Multiplier: 1, Uniform: true),
            _ => throw new ArgumentException($"no coefficients for basis '{basis.Text}'", nameof(basis)),
        };
    }
}
