using Evaluators.Export;
using Search.Genomes.Activation;
using Search.Genomes.NormAct;

namespace Evaluators.Tests.Export;

/// <summary>Exact LaTeX for known layers: precedence, parentheses, exponents and names.</summary>
public class LatexExportTests
{
    private static readonly ActivationFamily Family = new();

    [Theory]
    [InlineData("relu(x) + @e(0.01) * x * exp(-x^2 / 2)", @"\mathrm{ReLU}(x) + e\,x\,e^{-x^{2}/2}")]
    [InlineData("x * sigmoid(@b(1) * x)", @"x\,\sigma(b\,x)")]
    [InlineData("gelu(x)", @"\mathrm{GELU}(x)")]
    [InlineData("x + -3", @"x - 3")]
    [InlineData("x * 2", @"2\,x")]
    [InlineData("(x + 1) / (x - 1)", @"\frac{x + 1}{x - 1}")]
    [InlineData("(x + 1)^2", @"(x + 1)^{2}")]
    [InlineData("exp(x)^2", @"(e^{x})^{2}")]
    [InlineData("-(x + sin(x))", @"-(x + \sin(x))")]
    [InlineData("x - (x + cos(x))", @"x - (x + \cos(x))")]
    [InlineData("exp(-(x - 1)^2 / (2 * @s(1)^2))", @"e^{-(x - 1)^{2}/(2\,s^{2})}")]
    [InlineData("log(x) + abs(x)^3", @"|x|^{3} + \ln(|x| + 10^{-5})")]
    [InlineData("1.5e-07 * x + sqrt(x)", @"\sqrt{x} + 1.5 \times 10^{-7}\,x")]
    [InlineData("@b2(1) * x + @alpha(2) * leaky_relu(x) + @slope(3) * max(x, 0.5)",
        @"\alpha\,\mathrm{LeakyReLU}(x) + b_{2}\,x + \mathit{slope}\,\max(x, 0.5)")]
    public void Activation_formulas(string genome, string latex) => Assert.Equal(latex, LatexFormula.Of(Family.Parse(genome).Root));

    [Fact]
    public void Norm_act_formula_uses_named_statistics_and_greek_parameters()
    {
        var genome = new NormActFamily().Parse("max((x - batch_mean(x)) / batch_std(x) * gamma + beta, 0)");
        Assert.Equal(@"\max(\frac{x - \mathrm{mean}_{\mathrm{batch}}(x)}{\mathrm{std}_{\mathrm{batch}}(x)}\,\gamma + \beta, 0)", LatexFormula.Of(genome.Root));
    }

    [Fact]
    public void Document_lists_the_trained_values()
    {
        var item = new ExportItem(Family.Parse("relu(x) + @e(0.01) * x * exp(-x^2 / 2)"), "CRReLU", new Dictionary<string, double> { ["e"] = 0.0123 });
        var tex = Exporter.Export("latex", [item], new ExportOptions { RunId = "r1" });
        Assert.Equal(
            "% Layers exported by the architecture search (run r1); needs amsmath.\n\n" +
            "% CRReLU (activation): relu(x) + @e(0.01) * x * exp(-x^2 / 2)\n" +
            "\\begin{equation}\n" +
            "\\text{CRReLU}(x) = \\mathrm{ReLU}(x) + e\\,x\\,e^{-x^{2}/2}, \\qquad e = 0.0123\n" +
            "\\end{equation}\n", tex);
    }

    [Fact]
    public void Names_are_escaped_for_text_mode() => Assert.Equal(@"top\_1 \#2 50\%", LatexExport.Escape("top_1 #2 50%"));
}
