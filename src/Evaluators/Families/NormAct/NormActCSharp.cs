using Evaluators.Export;
using System.Text;
using Evaluators.Compile;
using Search.Genomes.Expressions;

namespace Evaluators.Families.NormAct;

/// <summary>
/// A norm-act layer as a TorchSharp class that reproduces <c>NormActModule</c> in training and
/// evaluation: the same parameter and buffer names, shapes and initial values (so state_dicts
/// load either way), the same running-statistic update and the same TorchSharp calls. Parameters
/// are (1,C,1,1) at their initial values; group aggregates use the constructor's group count,
/// lowered until it divides C; each batch aggregate keeps a (C) running buffer (see
/// <see cref="RunningStats"/>): training uses the batch's statistic and folds it in with
/// <c>momentum</c> (the variance unbiased, as BatchNorm), evaluation uses the running one.
/// Fields carry <c>ComponentName</c> so <c>to(device)</c> replaces the registered tensors, not copies.
/// </summary>
public static class NormActCSharp
{
    public static void WriteClass(StringBuilder sb, NormActExportLayer layer)
    {
        string Field(string name) => "_" + name;
        var buffers = RunningStats.Of(layer.Genome.Root);
        sb.Append("public sealed class ").Append(layer.ClassName).Append(" : nn.Module<Tensor, Tensor>\n{\n")
          .Append("    public const string Genome = ").Append(Literals.QuotedString(layer.Item.Genome.Text)).Append(";\n")
          .Append("    private const double Eps = ").Append(Literals.CSharp(ScalarMath.Eps)).Append(";\n\n")
          .Append("    private readonly long _channels, _groups;\n    private readonly double _momentum;\n");
        foreach (var l in layer.Learnables)
            sb.Append("    [TorchSharp.Utils.ComponentName(Name = ").Append(Literals.QuotedString(l.Name)).Append(")] private Parameter ").Append(Field(l.Name)).Append(";\n");
        foreach (var b in buffers)
            sb.Append("    [TorchSharp.Utils.ComponentName(Name = ").Append(Literals.QuotedString(b.Name)).Append(")] private Tensor ").Append(Field(b.Name)).Append(";\n");
        sb.Append("\n    /// <param name=\"groups\">Channel groups of the group statistics, lowered until it divides numFeatures.</param>\n")
          .Append("    /// <param name=\"momentum\">Weight of each training batch in the running statistics, as in BatchNorm.</param>\n")
          .Append("    public ").Append(layer.ClassName).Append("(long numFeatures, long groups = 32, double momentum = 0.1) : base(")
          .Append(Literals.QuotedString(layer.ClassName)).Append(")\n    {\n")
          .Append("        _channels = numFeatures;\n        _groups = Math.Clamp(groups, 1, numFeatures);\n")
          .Append("        while (numFeatures % _groups != 0) _groups--;\n        _momentum = momentum;\n");
        foreach (var l in layer.Learnables)
            sb.Append("        ").Append(Field(l.Name)).Append(" = new Parameter(full(new long[] { 1, numFeatures, 1, 1 }, ")
              .Append(Literals.CSharp(l.Value)).Append("));\n")
              .Append("        register_parameter(").Append(Literals.QuotedString(l.Name)).Append(", ").Append(Field(l.Name)).Append(");\n");
        foreach (var b in buffers)
            sb.Append("        ").Append(Field(b.Name)).Append(b.Initial == 0 ? " = zeros(numFeatures);\n" : " = ones(numFeatures);\n")
              .Append("        register_buffer(").Append(Literals.QuotedString(b.Name)).Append(", ").Append(Field(b.Name)).Append(");\n");
        sb.Append("    }\n\n").Append(Forward).Append("    private Tensor Compute(Tensor x)\n    {\n");
        foreach (var line in CSharpForward.Body(layer.Genome.Root, Field, "        ", (u, a) => Aggregate(u, a, buffers, Field)))
            sb.Append(line).Append('\n');
        sb.Append("    }\n\n").Append(Helpers).Append("}\n");
    }

    // Aggregates see their operand broadcast to x's shape, as the compiled module computes them.
    private static string Aggregate(UnaryExpr node, string a, IReadOnlyList<RunningStats.Buffer> buffers, Func<string, string> field)
    {
        var (moment, axes) = node.Op.Decompose();
        string stat = moment switch { Moment.Mean => "Mean", Moment.SecondMoment => "M2", _ => "Var" };
        string full = a == "x" ? a : $"{a}.expand_as(x)";
        var buffer = buffers.FirstOrDefault(b => b.Node.Equals(node));
        string value = axes switch
        {
            AggregateAxes.Batch => $"Batch({full}, {stat}, {field(buffer!.Name)}, unbiased: {(buffer.Unbiased ? "true" : "false")})",
            AggregateAxes.Layer => $"{stat}({full}, new long[] {{ 1, 2, 3 }})",
            AggregateAxes.Instance => $"{stat}({full}, new long[] {{ 2, 3 }})",
            _ => $"Group({full}, {stat})",
        };
        return moment == Moment.Std ? $"{value}.add(Eps).sqrt()" : value;
    }

    private const string Forward = """
            /// <summary>On (N,C,H,W), or (N,C) taken as (N,C,1,1); the output has the input's shape.</summary>
            public override Tensor forward(Tensor input)
            {
                var x = input.dim() == 2 ? input.view(input.shape[0], input.shape[1], 1, 1) : input;
                if (x.dim() != 4 || x.shape[1] != _channels)
                    throw new ArgumentException($"expected (N,{_channels},H,W) or (N,{_channels}), got [{string.Join(",", input.shape)}]");
                var y = Compute(x).expand_as(x).contiguous();
                return input.dim() == 2 ? y.view(input.shape) : y;
            }


        """;

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

            // Training: the batch statistic, folded into the running one (a variance as the unbiased
            // estimate, as BatchNorm tracks it); evaluation: the running one.
            private Tensor Batch(Tensor a, Func<Tensor, long[], Tensor> stat, Tensor running, bool unbiased)
            {
                if (!training) return running.view(1, -1, 1, 1);
                var s = stat(a, new long[] { 0, 2, 3 });
                using (no_grad())
                {
                    long count = a.shape[0] * a.shape[2] * a.shape[3];
                    var observed = unbiased && count > 1 ? s.mul(count / (double)(count - 1)) : s;
                    running.mul_(1 - _momentum).add_(observed.detach().reshape(_channels), _momentum);
                }
                return s;
            }

        """;
}
