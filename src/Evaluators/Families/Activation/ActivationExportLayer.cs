using System.Text;
using Evaluators.Export;
using Search.Genomes.Activation;
using Search.Genomes.Expressions;

namespace Evaluators.Families.Activation;

/// <summary>
/// An activation as code. PyTorch: learnable scalars are <c>nn.Parameter</c>s holding the trained
/// values, and forward is the genome as one expression. TorchSharp: each learnable is a float32
/// <c>Parameter</c> registered under the genome's name (as <c>ActivationModule</c> registers it)
/// and forward runs the same TorchSharp calls. LaTeX lists the learned values after the formula.
/// </summary>
public sealed record ActivationExportLayer(ExportItem Item, string ClassName, ActivationGenome Genome, IReadOnlyList<LearnedScalar> Values)
    : ExportLayer(Item, "activation", ClassName)
{
    public override IReadOnlyList<LearnedScalar> Learnables => Values;

    public static ActivationExportLayer Of(ExportItem item, ActivationGenome genome, string className) =>
        new(item, className, genome, Scalars(item, genome.Learnables));

    public override void WritePyTorch(StringBuilder sb)
    {
        var names = PythonNames.ParameterNames(Learnables.Select(l => l.Name));
        sb.Append("\n\nclass ").Append(ClassName).Append("(nn.Module):\n")
          .Append(PyTorchExport.DocstringOf(this, names, "Learnable scalars (trained value, init)", showInit: true))
          .Append("    GENOME = ").Append(Literals.QuotedString(Genome.Text)).Append("\n\n")
          .Append("    def __init__(self):\n        super().__init__()\n");
        foreach (var l in Learnables)
            sb.Append("        self.register_parameter(").Append(Literals.QuotedString(names[l.Name]))
              .Append(", nn.Parameter(torch.tensor(").Append(Literals.Python(l.Value)).Append(")))\n");
        // A tree without x (only when parsed from such text) still maps x to a tensor of x's shape.
        string expr = PythonExpr.Print(Genome.Root, name => PythonNames.Read(names[name]));
        string body = ExprMetrics.ContainsVariable(Genome.Root) ? expr : $"torch.zeros_like(x) + {expr}";
        sb.Append("\n    def forward(self, x):\n        return ").Append(body).Append('\n');
    }

    public override void WriteTorchSharp(StringBuilder sb)
    {
        static string Field(string learnable) => "_" + learnable;
        if (Learnables.Count > 0)
            TorchSharpExport.Remarks(sb, "Learnable scalars", Learnables.Select(l => $"{l.Name} = {Literals.CSharp(l.Value)} (init {Literals.CSharp(l.Init)})"));
        sb.Append("public sealed class ").Append(ClassName).Append(" : nn.Module<Tensor, Tensor>\n{\n")
          .Append("    public const string Genome = ").Append(Literals.QuotedString(Genome.Text)).Append(";\n\n");
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
        sb.Append("    }\n\n    public override Tensor forward(Tensor x)\n    {\n");
        foreach (var line in CSharpForward.Body(Genome.Root, Field, "        ")) sb.Append(line).Append('\n');
        sb.Append("    }\n}\n");
    }

    public override string Latex()
    {
        string formula = LatexFormula.Of(Genome.Root);
        return Learnables.Count == 0
            ? formula
            : formula + ", \\qquad " + string.Join(",\\; ", Learnables.Select(l => $"{LatexFormula.Name(l.Name)} = {LatexFormula.Number(l.Value)}"));
    }
}
