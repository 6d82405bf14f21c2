using Search.Genomes.KanBasis;
using Search.Genomes.KanBasis.Reference;

namespace Search.Tests.Genomes.KanBasis.Reference;

/// <summary>AF-KAN activations and combinations at known values, and their behaviour at extreme inputs.</summary>
public class ActivationReferenceTests
{
    [Theory]
    // Phi(z) to 16 digits for gelu(z) = z Phi(z).
    [InlineData(AfActivation.Gelu, 1.0, 0.8413447460685429)]
    [InlineData(AfActivation.Gelu, 2.0, 2 * 0.9772498680518208)]
    [InlineData(AfActivation.Gelu, -2.0, -2 * 0.022750131948179195)]
    [InlineData(AfActivation.Gelu, -3.0, -3 * 0.0013498980316300946)]
    [InlineData(AfActivation.Gelu, -6.0, -6 * 9.865876450376946e-10)]
    [InlineData(AfActivation.Gelu, 0.5, 0.5 * 0.6914624612740131)]
    [InlineData(AfActivation.Gelu, -3.5, -0.0008142017766243376)]
    [InlineData(AfActivation.Gelu, -10.0, -7.619853024160593e-23)]
    [InlineData(AfActivation.Gelu, 3.5, 3.4991857982233756)]
    [InlineData(AfActivation.Softplus, 0.0, 0.6931471805599453)]
    [InlineData(AfActivation.Softplus, 1000.0, 1000.0)]
    [InlineData(AfActivation.Softplus, -50.0, 1.9287498479639178e-22)]
    [InlineData(AfActivation.Sigmoid, 0.0, 0.5)]
    [InlineData(AfActivation.Sigmoid, 2.0, 0.8807970779778823)]
    [InlineData(AfActivation.Sigmoid, -1000.0, 0.0)]
    [InlineData(AfActivation.Silu, 2.0, 1.7615941559557646)]
    [InlineData(AfActivation.Relu, -2.0, 0.0)]
    [InlineData(AfActivation.Relu, 2.5, 2.5)]
    [InlineData(AfActivation.LeakyRelu, -2.0, -0.02)]
    [InlineData(AfActivation.Elu, -1.0, -0.6321205588285577)]
    [InlineData(AfActivation.Elu, -1e-10, -9.9999999995e-11)]
    [InlineData(AfActivation.Selu, -1.0, -1.1113307378125628)]
    [InlineData(AfActivation.Selu, 2.0, 2.1014019747109610)]
    [InlineData(AfActivation.Tanh, 0.5, 0.46211715726000974)]
    public void Known_values(AfActivation act, double x, double expected)
    {
        double actual = KanReference.Activation(act, x);
        Assert.True(Math.Abs(actual - expected) <= 1e-13 * Math.Max(Math.Abs(expected), 1e-300) + 1e-300,
            $"{act}({x}) = {actual:R}, expected {expected:R}");
    }

    [Theory]
    [InlineData(1e308)]
    [InlineData(-1e308)]
    [InlineData(800.0)]
    [InlineData(-800.0)]
    public void Extreme_inputs_stay_finite(double x)
    {
        foreach (var act in Enum.GetValues<AfActivation>())
            Assert.True(double.IsFinite(KanReference.Activation(act, x)), $"{act}({x})");
    }

    [Theory]
    [InlineData(AfCombination.Quad1, 36.0)]
    [InlineData(AfCombination.Quad2, 19.0)]
    [InlineData(AfCombination.Sum, 5.0)]
    [InlineData(AfCombination.Prod, 6.0)]
    [InlineData(AfCombination.SumProd, 11.0)]
    [InlineData(AfCombination.Cubic1, 65.0)]
    [InlineData(AfCombination.Cubic2, 216.0)]
    public void Combinations_of_two_and_three(AfCombination comb, double expected)
    {
        Assert.Equal(expected, KanReference.Combine(comb, 2, 3));
    }
}
