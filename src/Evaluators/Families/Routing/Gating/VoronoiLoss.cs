namespace Evaluators.Families.Routing.Gating;

/// <summary>The Voronoi loss and how it was made up: the cell (true atom) of every fitted atom.</summary>
public sealed record VoronoiResult(double Total, double WeightTerm, double ParameterTerm, int[] Cell, int[] CellSizes);

/// <summary>
/// The Voronoi loss between fitted parameters G (k atoms) and the truth G* (k* atoms), of the form the
/// papers use for over-specified gated Gaussian MoE (Nguyen, Akbarian and Ho, ICML 2024, activation gate;
/// Nguyen, Nguyen and Ho, NeurIPS 2023):
/// <code>
/// D(G, G*) = sum_j | sum_{i in A_j} w_i - w*_j |
///          + sum_{j: |A_j| = 1} sum_{i in A_j} w_i ( |ds_ij| + |da_ij| + |db_ij| + |dnu_ij| )
///          + sum_{j: |A_j| > 1} sum_{i in A_j} w_i ( |ds_ij|^2 + |da_ij|^2 + |db_ij|^2 + |dnu_ij|^2 )
/// </code>
/// An atom i is (s_i, a_i, b_i, nu_i) with weight w_i: w = the gate probabilities at x = 0 and s_i the
/// identifiable gate slope (<see cref="GaussianMoeParameters.Weights"/>, <see cref="GaussianMoeParameters.Slope"/>);
/// ds_ij = s_i - s*_j and so on; |.| is the Euclidean norm. The Voronoi cell A_j holds the fitted atoms
/// whose nearest true atom (Euclidean distance over the concatenated (s, a, b, nu)) is j; an empty cell
/// contributes w*_j. The temperature tau itself is not a term: the temperature model depends on
/// (beta1, beta0) / tau only, so tau is not identifiable alone (see the README).
/// With the activation gate and k* = 2 the truth has a second representation, its mirror
/// (beta1_1, beta1_2) -> (-beta1_2, -beta1_1) (tanh is odd, and adding -tanh(beta1_1 . x) - tanh(beta1_2 . x) to
/// both logits changes no softmax); the loss is the smaller of the losses against the two.
/// </summary>
public static class VoronoiLoss
{
    public static VoronoiResult Compute(GaussianMoeParameters fitted, GaussianMoeParameters truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var direct = Against(fitted, truth);
        if (truth.Kind != GatingKind.ActivationSoftmax || truth.K != 2) return direct;
        var mirror = Against(fitted, Mirror(truth));
        return mirror.Total < direct.Total ? mirror : direct;
    }

    /// <summary>The other representation of a two-expert activation-gated truth: beta1 rows swapped and negated.</summary>
    public static GaussianMoeParameters Mirror(GaussianMoeParameters truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        if (truth.Kind != GatingKind.ActivationSoftmax || truth.K != 2) throw new ArgumentException("the mirror is defined for two-expert activation gates");
        var beta1 = new double[2, truth.D];
        for (int t = 0; t < truth.D; t++) (beta1[0, t], beta1[1, t]) = (-truth.Beta1[1, t], -truth.Beta1[0, t]);
        return truth with { Beta1 = beta1 };
    }

    private static VoronoiResult Against(GaussianMoeParameters fitted, GaussianMoeParameters truth)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        ArgumentNullException.ThrowIfNull(truth);
        fitted.Validated();
        truth.Validated();
        if (fitted.D != truth.D) throw new ArgumentException($"fitted d = {fitted.D}, true d = {truth.D}: expected the same input size");
        if (fitted.Kind != truth.Kind) throw new ArgumentException($"fitted gate {fitted.Kind}, true gate {truth.Kind}: expected the same family");
        var w = fitted.Weights();
        var wTrue = truth.Weights();
        var atoms = Enumerable.Range(0, fitted.K).Select(i => Atom(fitted, i)).ToArray();
        var trueAtoms = Enumerable.Range(0, truth.K).Select(j => Atom(truth, j)).ToArray();

        var cell = new int[fitted.K];
        for (int i = 0; i < fitted.K; i++)
        {
            double nearest = double.PositiveInfinity;
            for (int j = 0; j < truth.K; j++)
            {
                double dist = Distance(atoms[i].All, trueAtoms[j].All);
                if (dist < nearest) (nearest, cell[i]) = (dist, j);
            }
        }
        var sizes = new int[truth.K];
        foreach (int j in cell) sizes[j]++;

        double weightTerm = 0, parameterTerm = 0;
        for (int j = 0; j < truth.K; j++)
        {
            double mass = 0;
            for (int i = 0; i < fitted.K; i++)
            {
                if (cell[i] != j) continue;
                mass += w[i];
                double ds = Distance(atoms[i].S, trueAtoms[j].S), da = Distance(atoms[i].A, trueAtoms[j].A);
                double db = Math.Abs(fitted.B[i] - truth.B[j]), dnu = Math.Abs(fitted.Nu[i] - truth.Nu[j]);
                parameterTerm += sizes[j] == 1
                    ? w[i] * (ds + da + db + dnu)
                    : w[i] * (ds * ds + da * da + db * db + dnu * dnu);
            }
            weightTerm += Math.Abs(mass - wTrue[j]);
        }
        return new VoronoiResult(weightTerm + parameterTerm, weightTerm, parameterTerm, cell, sizes);
    }

    private static (double[] S, double[] A, double[] All) Atom(GaussianMoeParameters g, int i)
    {
        var s = g.Slope(i);
        var a = Enumerable.Range(0, g.D).Select(t => g.A[i, t]).ToArray();
        return (s, a, [.. s, .. a, g.B[i], g.Nu[i]]);
    }

    private static double Distance(double[] u, double[] v)
    {
        double sum = 0;
        for (int t = 0; t < u.Length; t++) sum += (u[t] - v[t]) * (u[t] - v[t]);
        return Math.Sqrt(sum);
    }
}
