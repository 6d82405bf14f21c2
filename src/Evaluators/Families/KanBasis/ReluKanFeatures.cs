using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// ReLU-KAN bumps [relu(e_i - x') relu(x' - s_i)]^2 * 16/(e_i - s_i)^4, peak 1 mid-interval. Bump i is nonzero
/// only for x' G in (i-k, i+1), so at any x the k+1 bumps of one window are the nonzero ones: computed in
/// closed form by <see cref="GridWindow"/> (degree-4 polynomials in the fractional position).
/// </summary>
public sealed class ReluKanFeatures(int grid, int order) : IKanFeatures
{
    public int Count => grid + order;

    public Tensor Compute(Tensor x)
    {
        using var scope = NewDisposeScope();
        // v = x' G in [0, G]; at v = G the window starting at G-1 (f = 1) still holds every nonzero bump.
        var v = x.clamp(-1.0, 1.0).add(1.0).mul(grid / 2.0);
        return GridWindow.Features(v, grid - 1, LocalPolynomials.ReluKan(order), Count).MoveToOuterDisposeScope();
    }

    public Tensor InitialWeight(long outFeatures, long nodes, int layerInputs) =>
        randn(outFeatures, nodes, Count).mul(1.0 / Math.Sqrt(layerInputs * (double)Count));
}
