using Search.Genomes.KanBasis;
using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// AF-KAN: comb(act(x' - s_i), act(e_i - x')) on the ReLU-KAN grid, divided by the L2 norm over the
/// G+k features (+1e-8). The published min-max step and attention reduction are left to the coefficients.
/// </summary>
public sealed class AfKanFeatures(AfKanBasis basis) : IKanFeatures
{
    public int Count => basis.Grid + basis.Order;

    public Tensor Compute(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (u, s, e) = ReluKanGrid.Of(x, basis.Grid, basis.Order);
        // Feature-major (C, N n): the broadcasts and the norm run over the outer axis, then one transpose.
        var row = u.reshape(1, -1);
        var f = Combine(Activate(row.sub(s.unsqueeze(1))), Activate(e.unsqueeze(1).sub(row)));
        // square-sum-sqrt, not linalg.vector_norm: libtorch's vector_norm over the outer axis is ~30x slower.
        var norm = f.square().sum([0], keepdim: true).sqrt().add(1e-8);
        return FeatureAxis.FromRows(f.div(norm), x).MoveToOuterDisposeScope();
    }

    public Tensor InitialWeight(long outFeatures, long nodes, int layerInputs) =>
        randn(outFeatures, nodes, Count).mul(1.0 / Math.Sqrt(layerInputs));

    private Tensor Activate(Tensor v) => basis.Activation switch
    {
        AfActivation.Softplus => nn.functional.softplus(v),
        AfActivation.Sigmoid => v.sigmoid(),
        AfActivation.Silu => nn.functional.silu(v),
        AfActivation.Relu => nn.functional.relu(v),
        AfActivation.LeakyRelu => nn.functional.leaky_relu(v, 0.01),
        AfActivation.Elu => nn.functional.elu(v, 1.0),
        AfActivation.Gelu => nn.functional.gelu(v),
        AfActivation.Selu => nn.functional.selu(v),
        AfActivation.Tanh => v.tanh(),
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis.Activation, "unknown AF-KAN activation"),
    };

    private Tensor Combine(Tensor a, Tensor b) => basis.Combination switch
    {
        AfCombination.Quad1 => a.mul(b).square(),
        AfCombination.Quad2 => a.mul(b).add(a.square()).add(b.square()),
        AfCombination.Sum => a.add(b),
        AfCombination.Prod => a.mul(b),
        AfCombination.SumProd => a.add(b).add(a.mul(b)),
        AfCombination.Cubic1 => a.add(b).mul(a.square().add(b.square())),
        AfCombination.Cubic2 => a.mul(b).pow(3),
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis.Combination, "unknown AF-KAN combination"),
    };
}
