using Search.Genomes.KanBasis;

namespace Evaluators.Families.KanBasis.Export;

/// <summary>
/// The constants of each basis as the layer computes them (this folder's README): B-spline knots,
/// RBF centres and width, ReLU-KAN / AF-KAN intervals, and the AF-KAN names the generated code uses.
/// </summary>
public static class KanGrids
{
    /// <summary>t_j = -1 + (j - k) h, h = 2/G, j = 0..G+2k: the uniform grid on [-1, 1] extended by k knots each side.</summary>
    public static double[] Knots(int grid, int order)
    {
        double h = 2.0 / grid;
        return Enumerable.Range(0, grid + 2 * order + 1).Select(j => (j - order) * h - 1.0).ToArray();
    }

    /// <summary>u_c = linspace(-r, r, M).</summary>
    public static double[] Centres(RbfBasis b) =>
        b.Centers == 1 ? [-b.Range] : Enumerable.Range(0, b.Centers).Select(c => -b.Range + 2 * b.Range * c / (b.Centers - 1)).ToArray();

    /// <summary>h = width * 2r / (M - 1), computed as RbfFeatures computes it.</summary>
    public static double RbfWidth(RbfBasis b) => b.Width * 2 * b.Range / (b.Centers - 1);

    /// <summary>s_i = (i - k)/G for i = 0..G+k-1, on x' = (clamp(x, -1, 1) + 1)/2.</summary>
    public static double[] Starts(int grid, int order) => Enumerable.Range(0, grid + order).Select(i => (i - order) / (double)grid).ToArray();

    /// <summary>e_i = s_i + (k+1)/G.</summary>
    public static double[] Ends(int grid, int order) => Starts(grid, order).Select(s => s + (order + 1.0) / grid).ToArray();

    public static string Name(AfActivation a) => a switch
    {
        AfActivation.Softplus => "softplus", AfActivation.Sigmoid => "sigmoid", AfActivation.Silu => "silu",
        AfActivation.Relu => "relu", AfActivation.LeakyRelu => "leaky_relu", AfActivation.Elu => "elu",
        AfActivation.Gelu => "gelu", AfActivation.Selu => "selu", AfActivation.Tanh => "tanh",
        _ => throw new ArgumentOutOfRangeException(nameof(a), a, "unknown AF-KAN activation"),
    };

    public static string Name(AfCombination c) => c switch
    {
        AfCombination.Quad1 => "quad1", AfCombination.Quad2 => "quad2", AfCombination.Sum => "sum", AfCombination.Prod => "prod",
        AfCombination.SumProd => "sum_prod", AfCombination.Cubic1 => "cubic1", AfCombination.Cubic2 => "cubic2",
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, "unknown AF-KAN combination"),
    };
}
