using Search.Genomes.KanBasis;

namespace Evaluators.Families.KanBasis;

/// <summary>The features of a basis, and the name of its coefficient tensor W.</summary>
public static class KanFeatureFactory
{
    /// <summary>
    /// Features of <paramref name="basis"/> on <paramref name="nodes"/> nodes; learnable parts are
    /// registered under their name plus <paramref name="suffix"/> (select candidate c adds "_c").
    /// </summary>
    public static IKanFeatures Create(Basis basis, long nodes, string suffix, IKanParameters parameters) => basis switch
    {
        BSplineBasis b => new BSplineFeatures(b.Grid, b.Order),
        RbfBasis b => new RbfFeatures(b, nodes, suffix, parameters),
        ChebyshevBasis b => new ChebyshevFeatures(b.Degree),
        FourierBasis b => new FourierFeatures(b.Frequencies),
        RationalBasis b => new RationalFeatures(b, nodes, suffix, parameters),
        ReluKanBasis b => new ReluKanFeatures(b.Grid, b.Order),
        AfKanBasis b => new AfKanFeatures(b),
        SelectBasis s => new SelectFeatures(
            s.Candidates.Select((c, i) => Create(c, nodes, $"{suffix}_{i}", parameters)).ToList(), nodes, suffix, parameters),
        _ => throw new ArgumentException($"no KAN features for basis '{basis.Text}'", nameof(basis)),
    };

    public static string WeightName(Basis basis) => basis.Kind switch
    {
        KanBasisKind.BSpline => "spline_weight",
        KanBasisKind.Rbf => "rbf_weight",
        KanBasisKind.Chebyshev => "chebyshev_weight",
        KanBasisKind.Fourier => "fourier_weight",
        KanBasisKind.Rational => "rational_weight",
        KanBasisKind.ReluKan => "relu_kan_weight",
        KanBasisKind.AfKan => "af_kan_weight",
        KanBasisKind.Select => "select_weight",
        _ => throw new ArgumentException($"unknown basis kind {basis.Kind}", nameof(basis)),
    };

    /// <summary>Whether the basis (or one of its select candidates) is RBF, which gives the base branch a bias.</summary>
    public static bool UsesRbf(Basis basis) =>
        basis is RbfBasis || (basis is SelectBasis s && s.Candidates.Any(c => c is RbfBasis));
}
