using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>ReLU-KAN bumps [relu(e_i - x') relu(x' - s_i)]^2 * 16/(e_i - s_i)^4, peak 1 mid-interval.</summary>
public sealed class ReluKanFeatures(int grid, int order) : IKanFeatures
{
    public int Count => grid + order;

    public Tensor Compute(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (u, s, e) = ReluKanGrid.Of(x, grid, order);
        var r = nn.functional.relu(e.sub(u)).mul(nn.functional.relu(u.sub(s)));
        double width = (order + 1.0) / grid;
        return r.square().mul(16.0 / Math.Pow(width, 4)).MoveToOuterDisposeScope();
    }

    public Tensor InitialWeight(long outFeatures, long nodes, int layerInputs) =>
        randn(outFeatures, nodes, Count).mul(1.0 / Math.Sqrt(layerInputs * (double)Count));
}
