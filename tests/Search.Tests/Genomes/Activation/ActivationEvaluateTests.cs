using Search.Genomes.Activation;

namespace Search.Tests.Genomes.Activation;

public class ActivationEvaluateTests
{
    private static readonly double[] Xs = [-3, -1.5, -0.5, 0, 0.25, 1, 2.5];
    private readonly ActivationFamily _family = new();

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Fact]
    public void Relu_matches_closed_form()
    {
        var relu = _family.Parse("relu(x)");
        foreach (double x in Xs) Assert.Equal(Math.Max(x, 0), relu.Evaluate(x));
    }

    [Fact]
    public void Gelu_matches_reference_values_and_its_erf_formula()
    {
        var gelu = _family.Parse("gelu(x)");
        // x * Phi(x) with Phi(1) = 0.8413447460685429, Phi(2) = 0.9772498680518208 (standard normal CDF).
        Assert.Equal(0.8413447460685429, gelu.Evaluate(1), 1e-15);
        Assert.Equal(-0.15865525393145707, gelu.Evaluate(-1), 1e-15);
        Assert.Equal(2 * 0.9772498680518208, gelu.Evaluate(2), 1e-14);
        var spelled = _family.Parse("x / 2 * (1 + erf(x / sqrt(2)))");
        foreach (double x in Xs) Assert.Equal(gelu.Evaluate(x), spelled.Evaluate(x), 1e-15);
    }

    [Fact]
    public void Swish_matches_closed_form_at_init_and_given_beta()
    {
        var swish = _family.Parse("x * sigmoid(@b(1) * x)");
        Assert.Equal(new Dictionary<string, double> { ["b"] = 1 }, swish.Learnables);
        foreach (double x in Xs)
        {
            Assert.Equal(x * Sigmoid(x), swish.Evaluate(x), 1e-15);
            Assert.Equal(x * Sigmoid(2 * x), swish.Evaluate(x, new Dictionary<string, double> { ["b"] = 2 }), 1e-15);
        }
        Assert.Throws<ArgumentException>(() => swish.Evaluate(1, new Dictionary<string, double> { ["c"] = 2 }));
    }

    [Fact]
    public void Crrelu_matches_closed_form()
    {
        var crrelu = _family.Parse("relu(x) + @e(0.01) * x * exp(-(x^2) / 2)");
        foreach (double x in Xs)
        {
            Assert.Equal(Math.Max(x, 0) + 0.01 * x * Math.Exp(-x * x / 2), crrelu.Evaluate(x), 1e-15);
            Assert.Equal(Math.Max(x, 0) + 0.5 * x * Math.Exp(-x * x / 2),
                crrelu.Evaluate(x, new Dictionary<string, double> { ["e"] = 0.5 }), 1e-15);
        }
    }

    [Theory]
    [InlineData("leaky_relu(x)", -2, -0.02)]
    [InlineData("elu(x)", -1, -0.6321205588285577)]
    [InlineData("softsign(x)", 3, 0.75)]
    [InlineData("sinc(x)", 0, 1)]
    [InlineData("log(x)", 0, -11.512925464970229)]
    [InlineData("x^3", -2, -8)]
    [InlineData("erf(x)", 0.5, 0.5204998778130465)]
    public void Primitives_follow_their_documented_math(string text, double x, double expected) =>
        Assert.Equal(expected, _family.Parse(text).Evaluate(x), 1e-14);
}
