namespace Search.Genomes.KanBasis.Reference;

/// <summary>
/// Float64 reference values of the KAN features F_c(x) of one input value, exactly as the table in
/// src/Evaluators/Families/KanBasis/README.md defines them; the TorchSharp layer is tested against these.
/// </summary>
public static class KanReference
{
    /// <summary>C, the number of features of the basis; a select counts every candidate's features.</summary>
    public static int FeatureCount(Basis plain) => plain switch
    {
        BSplineBasis b => b.Grid + b.Order,
        RbfBasis r => r.Centers,
        ChebyshevBasis c => c.Degree + 1,
        FourierBasis f => 2 * f.Frequencies,
        RationalBasis => 1,
        ReluKanBasis r => r.Grid + r.Order,
        AfKanBasis a => a.Grid + a.Order,
        SelectBasis s => s.Candidates.Sum(FeatureCount),
        _ => throw new ArgumentException($"no reference for basis '{plain.Text}'", nameof(plain)),
    };

    /// <summary>
    /// The features of one input value x. For rbf, x is the already normalised u; bspline, relu_kan and
    /// af_kan clamp x to [-1, 1]; rational uses its initial coefficients (the identity, so [x]).
    /// </summary>
    public static double[] Features(Basis plain, double x) => plain switch
    {
        BSplineBasis b => BSplines.Values(GridDomain.Clamp(x), b.Grid, b.Order),
        RbfBasis r => RbfFeatures.Values(x, r.Centers, r.Width, r.Range),
        ChebyshevBasis c => ChebyshevFeatures.Values(x, c.Degree),
        FourierBasis f => FourierFeatures.Values(x, f.Frequencies),
        RationalBasis r => [Rational(x, RationalFunction.InitialNumerator(r), RationalFunction.InitialDenominator(r))],
        ReluKanBasis r => ReluKanFeatures.Values(x, r.Grid, r.Order),
        AfKanBasis a => AfKanFeatures.Values(x, a.Activation, a.Combination, a.Grid, a.Order),
        // The candidates' scales are per-node softmax weights, learned parameters the basis does not hold.
        SelectBasis s => throw new ArgumentException(
            $"'{s.Text}' is a select: compute the features of each of its candidates instead", nameof(plain)),
        _ => throw new ArgumentException($"no reference for basis '{plain.Text}'", nameof(plain)),
    };

    /// <summary>P(x)/Q(x) with a = a0..aP and b = b1..bQ; Q = 1 + sum |b_j| |x|^j is never below 1.</summary>
    public static double Rational(double x, IReadOnlyList<double> a, IReadOnlyList<double> b) =>
        RationalFunction.Value(x, a, b);

    public static double Activation(AfActivation act, double x) => AfActivationFunctions.Apply(act, x);

    public static double Combine(AfCombination comb, double x1, double x2) => AfCombinationFunctions.Apply(comb, x1, x2);
}
