using Evaluators.Families.Routing.Gating;

namespace Evaluators.Tests.Families.Routing.Gating;

/// <summary>The Voronoi loss: zero at the truth (also with a true atom split in two), a hand computation, invariances.</summary>
public class GatingVoronoiLossTests
{
    [Theory]
    [MemberData(nameof(GatingSetups.Kinds), MemberType = typeof(GatingSetups))]
    public void Is_zero_at_the_truth(GatingKind kind)
    {
        var truth = GatingSetups.Truth(kind);
        var loss = VoronoiLoss.Compute(truth, truth);
        Assert.Equal(0, loss.Total, 12);
        Assert.Equal([0, 1], loss.Cell);
    }

    [Theory]
    [MemberData(nameof(GatingSetups.Kinds), MemberType = typeof(GatingSetups))]
    public void Is_zero_when_a_true_atom_is_split_into_two_of_half_the_weight(GatingKind kind)
    {
        var t = GatingSetups.Truth(kind);
        double scale = kind == GatingKind.SoftmaxTemperature ? t.Tau : 1.0;
        double half = scale * Math.Log(0.5);
        var split = t with
        {
            Beta1 = GaussianMoeParameters.Matrix(3, 1, 2, 2, -1),
            Beta0 = [t.Beta0[0] + half, t.Beta0[0] + half, t.Beta0[1]],
            A = GaussianMoeParameters.Matrix(3, 1, 1, 1, -1),
            B = [0.5, 0.5, -0.5],
            Nu = [0.1, 0.1, 0.2],
        };
        var loss = VoronoiLoss.Compute(split, t);
        Assert.Equal(0, loss.Total, 12);
        Assert.Equal([2, 1], loss.CellSizes);
    }

    [Fact]
    public void Temperature_loss_ignores_the_scale_and_translation_the_model_cannot_see()
    {
        var t = GatingSetups.Truth(GatingKind.SoftmaxTemperature);
        var moved = t with { Beta1 = GaussianMoeParameters.Matrix(2, 1, 2 * 3 + 1, -1 * 3 + 1), Beta0 = [0.3 * 3 + 5, -0.3 * 3 + 5], Tau = t.Tau * 3 };
        Assert.Equal(0, VoronoiLoss.Compute(moved, t).Total, 12);
    }

    [Fact]
    public void Equals_a_hand_computation_with_one_split_cell_and_one_single_cell()
    {
        // Activation gate (weights softmax(beta0), slopes beta1 as they are), d = 1.
        // Truth: atoms (s, a, b, nu) = (1, 0, 0, 1) and (-1, 0, 3, 1), beta0* = (0, 0): w* = (1/2, 1/2).
        var truth = new GaussianMoeParameters(GatingKind.ActivationSoftmax, GaussianMoeParameters.Matrix(2, 1, 1, -1), [0, 0], 1,
            GaussianMoeParameters.Matrix(2, 1, 0, 0), [0, 3], [1, 1]);
        // Fitted: beta0 = 0 for all three: w = (1/3, 1/3, 1/3).
        // atom 0 (1.1, 0, 0.2, 1) and atom 1 (0.9, 0.1, -0.1, 1.2) -> cell 0; atom 2 (-1, 0.3, 3, 0.8) -> cell 1.
        var fitted = new GaussianMoeParameters(GatingKind.ActivationSoftmax, GaussianMoeParameters.Matrix(3, 1, 1.1, 0.9, -1), [0, 0, 0], 1,
            GaussianMoeParameters.Matrix(3, 1, 0, 0.1, 0.3), [0.2, -0.1, 3], [1, 1.2, 0.8]);
        double third = 1.0 / 3;
        double weights = Math.Abs(2 * third - 0.5) + Math.Abs(third - 0.5);                           // 1/6 + 1/6
        double cell0 = third * (0.01 + 0 + 0.04 + 0) + third * (0.01 + 0.01 + 0.01 + 0.04);           // squared terms, |A_0| = 2
        double cell1 = third * (0 + 0.3 + 0 + 0.2);                                                     // first powers, |A_1| = 1
        var loss = VoronoiLoss.Compute(fitted, truth);
        Assert.Equal([0, 0, 1], loss.Cell);
        Assert.Equal(weights, loss.WeightTerm, 12);
        Assert.Equal(cell0 + cell1, loss.ParameterTerm, 12);
        Assert.Equal(1.0 / 3 + 0.12 / 3 + 0.5 / 3, loss.Total, 12);
    }

    [Fact]
    public void An_empty_cell_costs_its_true_weight()
    {
        var truth = GatingSetups.Truth(GatingKind.ActivationSoftmax);
        var onlyFirst = truth with { Beta1 = GaussianMoeParameters.Matrix(1, 1, 2), Beta0 = [0], A = GaussianMoeParameters.Matrix(1, 1, 1), B = [0.5], Nu = [0.1] };
        var loss = VoronoiLoss.Compute(onlyFirst, truth);
        var w = truth.Weights();
        Assert.Equal([1, 0], loss.CellSizes);
        Assert.Equal(Math.Abs(1 - w[0]) + w[1], loss.Total, 12);
    }

    [Fact]
    public void The_mirrored_two_expert_activation_truth_has_the_same_density_and_zero_loss()
    {
        var truth = GatingSetups.Truth(GatingKind.ActivationSoftmax);
        var mirror = VoronoiLoss.Mirror(truth);
        foreach (double x in new[] { -0.9, -0.2, 0.0, 0.5, 1.0 })
            Assert.Equal(truth.Gate([x]), mirror.Gate([x]), (u, v) => Math.Abs(u - v) < 1e-12);
        Assert.Equal(0, VoronoiLoss.Compute(mirror, truth).Total, 12);
        Assert.True(VoronoiLoss.Compute(mirror, truth with { Beta0 = [0.31, -0.3] }).Total > 0);
    }
}
