using Search.Core;
using Search.Genomes.Activation;

namespace Search.Tests.Genomes.Activation;

public class ActivationParseTests
{
    private readonly ActivationFamily _family = new();

    [Theory]
    [InlineData("relu(x)", "relu(x)")]
    [InlineData("gelu(x)", "gelu(x)")]
    [InlineData("x * sigmoid(@b(1) * x)", "x * sigmoid(@b(1) * x)")]
    [InlineData("sigmoid(x * @b(1)) * x", "x * sigmoid(@b(1) * x)")]
    [InlineData("relu(x) + @e(0.01) * x * exp(-(x^2) / 2)", "relu(x) + @e(0.01) * x * exp(-x^2 / 2)")]
    [InlineData("x * @e(0.01) * exp(-x^2/2) + relu(x)", "relu(x) + @e(0.01) * x * exp(-x^2 / 2)")]
    [InlineData("x + 1 + 2", "x + 3")]
    [InlineData("1 + x + 2", "x + 3")]
    [InlineData("2 * x * 3", "6 * x")]
    [InlineData("x * (1 + 1)", "2 * x")]
    [InlineData("x + sin(0)", "x")]
    [InlineData("x - (2 - 5)", "x - -3")]
    [InlineData("max(0, x)", "max(x, 0)")]
    [InlineData("min(min(x, 1), 2)", "min(x, 1)")]
    [InlineData("-x^2", "-x^2")]
    [InlineData("(-x)^2", "(-x)^2")]
    [InlineData("(x^2)^3", "(x^2)^3")]
    [InlineData("a_b(x)", null)]
    public void Canonical_text_of_known_forms(string text, string? expected)
    {
        if (expected is null) { Assert.Throws<GenomeParseException>(() => _family.Parse(text)); return; }
        var genome = _family.Parse(text);
        Assert.Equal(expected, genome.Text);
        Assert.Equal(genome.Text, _family.Parse(genome.Text).Text);
        Assert.Equal(StableHash.Of(expected), genome.StructuralHash);
    }

    [Fact]
    public void Commutative_reorderings_meet()
    {
        Assert.Equal(_family.Parse("x + tanh(x)").Text, _family.Parse("tanh(x) + x").Text);
        Assert.Equal(_family.Parse("(x * 2) * sin(x)").Text, _family.Parse("sin(x) * (2 * x)").Text);
        Assert.NotEqual(_family.Parse("x - tanh(x)").Text, _family.Parse("tanh(x) - x").Text);
    }

    [Theory]
    [InlineData("x +", 3, "a number, name")]
    [InlineData("foo(x)", 0, "unknown function 'foo'; known: abs, asinh")]
    [InlineData("sin(x", 5, "')'")]
    [InlineData("sin(x, x)", 5, "')' (function 'sin' takes 1 argument)")]
    [InlineData("max(x 1)", 6, "',' (function 'max' takes 2 arguments)")]
    [InlineData("x ^ 4", 4, "exponent 2 or 3")]
    [InlineData("y + 1", 0, "unknown name 'y'; known: x")]
    [InlineData("x $ 1", 2, "got '$'")]
    [InlineData("x * @b(1) + @b(2)", 15, "init 1 for '@b'")]
    [InlineData("@b * x", 3, "'(' and an initial value")]
    [InlineData("x x", 2, "an operator or end of input")]
    [InlineData("sin x", 4, "'(' after function 'sin'")]
    public void Parse_errors_name_position_and_expectation(string text, int position, string expected)
    {
        var error = Assert.Throws<GenomeParseException>(() => _family.Parse(text));
        Assert.Equal(position, error.Position);
        Assert.Contains(expected, error.Expected);
        Assert.Contains($"at position {position + 1}", error.Message);
    }
}
