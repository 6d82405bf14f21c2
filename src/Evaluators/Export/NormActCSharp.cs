using System.Text;
using Search.Genomes.Expressions;

namespace Evaluators.Export;

/// <summary>
/// A norm-act layer as a TorchSharp class. Per-channel parameters are (1,C,1,1) tensors at their
/// initial values; group aggregates use the constructor's group count, lowered until it divides C.
/// Each batch aggregate keeps a running statistic (buffer <c>running_{mean,m2,var}_k</c>, k in
/// order of first use, momentum 0.1, biased variance, starting at 0, 1, 1): training uses and
/// updates the batch's statistic, evaluation uses the running one, as batch norm does.
/// </summary>
public static class NormActCSharp
{
    public static void WriteClass(StringBuilder sb, ExportLayer layer)
    {
        string Field(string name) => "_" + name;
        var buffers = RunningStats.Of(layer.Root);
        sb.Append("public sealed class ").Append(layer.ClassName).Append(" : nn.Module<Tensor, Tensor>\n{\n")
          .Append("    public const string Genome = ").Append(Literals.QuotedString(layer.Item.Genome.Text)).Append(";\n")
          .Append("    private const double Momentum = 0.1, Eps = ").Append(Literals.CSharp(ScalarMath.Eps)).Append(";\n\n")
          .Append("    private readonly long _groups;\n");
        foreach (var l in layer.Learnables) sb.Append("    private readonly Parameter ").Append(Field(l.Name)).Append(";\n");
        foreach (var b in buffers) sb.Append("    private readonly Tensor ").Append(Field(b.Name)).Append(";\n");
        sb.Append("\n    /// <param name=\"groups\">Channel groups of the group statistics, lowered until it divides numFeatures.</param>\n")
          .Append("    public ").Append(layer.ClassName).Append("(long numFeatures, long groups = 32) : base(")
          .Append(Literals.QuotedString(layer.ClassName)).Append(")\n    {\n")
          .Append("        _groups = Math.Clamp(groups, 1, numFeatures);\n")
          .Append("        while (numFeatures % _groups != 0) _groups--;\n");
        foreach (var l in layer.Learnables)
            sb.Append("        ").Append(Field(l.Name)).Append(" = new Parameter(full(new long[] { 1, numFeatures, 1, 1 }, ")
              .Append(Literals.CSharp(l.Value)).Append("));\n")
              .Append("        register_parameter(").Append(Literals.QuotedString(l.Name)).Append(", ").Append(Field(l.Name)).Append(");\n");
        foreach (var b in buffers)
            sb.Append("        ").Append(Field(b.Name)).Append(" = full(new long[] { 1, numFeatures, 1, 1 }, ").Append(Literals.CSharp(b.Initial)).Append(");\n")
              .Append("        register_buffer(").Append(Literals.QuotedString(b.Name)).Append(", ").Append(Field(b.Name)).Append(");\n");
        sb.Append("    }\n\n    public override Tensor forward(Tensor x)\n    {\n");
        foreach (var line in CSharpForward.Body(layer.Root, Field, "        ", (u, a) => Aggregate(u, a, buffers, Field)))
            sb.Append(line).Append('\n');
        sb.Append("    }\n\n").Append(Helpers).Append("}\n");
    }

    private static string Aggregate(UnaryExpr node, string a, IReadOnlyList<RunningStats.Buffer> buffers, Func<string, string> field)
    {
        var (moment, axes) = node.Op.Decompose();
        string stat = moment switch { Moment.Mean => "Mean", Moment.SecondMoment => "M2", _ => "Var" };
        string value = axes switch
        {
            AggregateAxes.Batch => $"Batch({a}, {stat}, {field(buffers.First(b => b.Node.Equals(node)).Name)})",
            AggregateAxes.Layer => $"{stat}({a}, new long[] {{ 1, 2, 3 }})",
            AggregateAxes.Instance => $"{stat}({a}, new long[] {{ 2, 3 }})",
            _ => $"Group({a}, {stat})",
        };
        return moment == Moment.Std ? $"{value}.add(Eps).sqrt()" : value;
    }

    private const string Helpers = """
            private static Tensor Mean(Tensor a, long[] dims) => a.mean(dims, keepdim: true);
            private static Tensor M2(Tensor a, long[] dims) => a.square().mean(dims, keepdim: true);
            private static Tensor Var(Tensor a, long[] dims) => a.var(dims, unbiased: false, keepdim: true);

            // Statistics within each of _groups channel groups, broadcast back to (N,C,1,1).
            private Tensor Group(Tensor a, Func<Tensor, long[], Tensor> stat)
            {
                long n = a.shape[0], c = a.shape[1];
                var s = stat(a.reshape(n, _groups, c / _groups, a.shape[2], a.shape[3]), new long[] { 2, 3, 4 });
                return s.expand(n, _groups, c / _groups, 1, 1).reshape(n, c, 1, 1);
            }

            // Training: the batch statistic, folded into the running one; evaluation: the running one.
            private Tensor Batch(Tensor a, Func<Tensor, long[], Tensor> stat, Tensor running)
            {
                if (!training) return running;
                var s = stat(a, new long[] { 0, 2, 3 });
                using (no_grad()) running.copy_(running.mul(1 - Momentum).add(s.detach().mul(Momentum)));
                return s;
            }

        """;
}
