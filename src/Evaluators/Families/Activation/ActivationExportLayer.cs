using System.Text;
using System.Text.Json;
using Evaluators.Compile;
using Evaluators.Export;
using Evaluators.Runtime;
using Evaluators.Slots;
using Search.Genomes.Activation;
using Search.Genomes.Expressions;

namespace Evaluators.Families.Activation;

/// <summary>
/// An activation as code. PyTorch: learnable scalars are <c>nn.Parameter</c>s holding the trained
/// values, and forward is the genome as one expression. TorchSharp: each learnable is a float32
/// <c>Parameter</c> registered under the genome's name (as <c>ActivationModule</c> registers it)
/// and forward runs the same TorchSharp calls. LaTeX lists the learned values after the formula.
/// A layer the search trained at unit gain carries that fixed <see cref="Gain"/> (computed as the
/// trainer did, from the learnables' initial values) and multiplies its output by it in every format.
/// </summary>
public sealed record ActivationExportLayer(ExportItem Item, string ClassName, ActivationGenome Genome, IReadOnlyList<LearnedScalar> Values, double? Gain)
    : ExportLayer(Item, "activation", ClassName)
{
    public override IReadOnlyList<LearnedScalar> Learnables => Values;

    public static ActivationExportLayer Of(ExportItem item, ActivationGenome genome, string className) =>
        new(item, className, genome, Scalars(item, genome.Learnables), item.UnitGain ? GainOf(genome) : null);

    private static double GainOf(ActivationGenome genome)
    {
        TorchRuntime.EnsureReady();
        using var module = new ActivationModule(genome);
        return UnitGain.Of(module);
    }

    public override void WriteJson(Utf8JsonWriter writer)
    {
        if (Gain is { } g) writer.WriteNumber("unit_gain", g);
        else writer.WriteNull("unit_gain");
    }

    public override void WritePyTorch(StringBuilder sb)
    {
        var names = PythonNames.ParameterNames(Learnables.Select(l => l.Name));
        sb.Append("\n\nclass ").Append(ClassName).Append("(nn.Module):\n")
          .Append(PyTorchExport.DocstringOf(this, names, "Learnable scalars (trained value, init)", showInit: true))
          .Append("    GENOME = ").Append(Literals.QuotedString(Genome.Text)).Append('\n');
        if (Gain is { } gain)
            sb.Append("    # The search trained GAIN * f, GAIN = 1 / sqrt(E[f(z)^2]) for z ~ N(0, 1) at the initial values.\n")
              .Append("    GAIN = ").Append(Literals.Python(gain)).Append('\n')
              // torch.jit.script sees only instance attributes, and class ones listed as constants.
              .Append("    __constants__ = [\"GAIN\"]\n");
        sb.Append("\n    def __init__(self):\n        super().__init__()\n");
        foreach (var l in Learnables)
            sb.Append("        self.register_parameter(").Append(Literals.QuotedString(names[l.Name]))
              .Append(", nn.Parameter(torch.tensor(").Append(Literals.Python(l.Value)).Append(")))\n");
        // A tree without x (only when parsed from such text) still maps x to a tensor of x's shape.
        string expr = PythonExpr.Print(Genome.Root, name => PythonNames.Read(names[name]));
        string body = ExprMetrics.ContainsVariable(Genome.Root) ? expr : $"torch.zeros_like(x) + {expr}";
        if (Gain is not null) body = $"self.GAIN * ({body})";
        sb.Append("\n    def forward(self, x):\n        return ").Append(body).Append('\n');
    }

    public override void WriteTorchSharp(StringBuilder sb)
    {
        static string Field(string learnable) => "_" + learnable;
        if (Learnables.Count > 0)
            TorchSharpExport.Remarks(sb, "Learnable scalars", Learnables.Select(l => $"{l.Name} = {Literals.CSharp(l.Value)} (init {Literals.CSharp(l.Init)})"));
        sb.Append("public sealed class ").Append(ClassName).Append(" : nn.Module<Tensor, Tensor>\n{\n")
          .Append("    public const string Genome = ").Append(Literals.QuotedString(Genome.Text)).Append(";\n");
        if (Gain is { } gain)
            sb.Append("    /// <summary>The search trained Gain * f, Gain = 1 / sqrt(E[f(z)^2]) for z ~ N(0, 1) at the initial values.</summary>\n")
              .Append("    public const double Gain = ").Append(Literals.CSharp(gain)).Append(";\n");
        sb.Append('\n');
        // ComponentName: to(device or dtype) replaces a registered tensor through the field of that name.
        foreach (var l in Learnables)
            sb.Append("    [TorchSharp.Utils.ComponentName(Name = ").Append(Literals.QuotedString(l.Name)).Append(")] private Parameter ").Append(Field(l.Name)).Append(";\n");
        if (Learnables.Count > 0) sb.Append('\n');
        sb.Append("    public ").Append(ClassName).Append("() : base(").Append(Literals.QuotedString(ClassName)).Append(")\n    {\n");
        foreach (var l in Learnables)
        {
            // float32, as the evaluator trains them.
            sb.Append("        ").Append(Field(l.Name)).Append(" = new Parameter(tensor((float)").Append(Literals.CSharp(l.Value)).Append("));\n")
              .Append("        register_parameter(").Append(Literals.QuotedString(l.Name)).Append(", ").Append(Field(l.Name)).Append(");\n");
        }
        sb.Append("    }\n\n");
        if (Gain is not null)
            sb.Append("    public override Tensor forward(Tensor x)\n    {\n        using var scope = NewDisposeScope();\n")
              .Append("        return scope.MoveToOuter(Shape(x).mul(Gain));\n    }\n\n");
        sb.Append(Gain is null ? "    public override Tensor forward(Tensor x)\n    {\n" : "    private Tensor Shape(Tensor x)\n    {\n");
        foreach (var line in CSharpForward.Body(Genome.Root, Field, "        ")) sb.Append(line).Append('\n');
        sb.Append("    }\n}\n");
    }

    public override string Latex()
    {
        string formula = LatexFormula.Of(Genome.Root);
        if (Gain is { } g) formula = $"{LatexFormula.Number(g)} \\cdot \\left({formula}\\right)";
        return Learnables.Count == 0
            ? formula
            : formula + ", \\qquad " + string.Join(",\\; ", Learnables.Select(l => $"{LatexFormula.Name(l.Name)} = {LatexFormula.Number(l.Value)}"));
    }
}
