using Evaluators.Export;
using System.Text;
using Evaluators.Compile;
using Search.Genomes.Expressions;

namespace Evaluators.Families.NormAct;

/// <summary>
/// A norm-act layer as a PyTorch class, with the conventions of <c>NormActModule</c> and
/// <see cref="NormActCSharp"/> (same state_dict keys and shapes): (1,C,1,1) parameters at their
/// initial values, group count lowered until it divides C, one (C) running-statistic buffer per
/// batch aggregate (<see cref="RunningStats"/>; the variance tracked unbiased, as BatchNorm).
/// Forward computes each distinct node once, so a shared batch statistic updates its buffer once per call.
/// The code compiles under <c>torch.jit.script</c>: typed helpers, a moment code instead of a function
/// argument, and each running buffer passed as the tensor itself.
/// </summary>
public static class NormActPython
{
    /// <summary>
    /// Module-level helpers the classes use; written once per file. Typed, and the statistic chosen
    /// by an int code rather than passed as a function, so that <c>torch.jit.script</c> compiles them.
    /// </summary>
    public const string Helpers = """


        def _stat(a: torch.Tensor, moment: int, dims: List[int]) -> torch.Tensor:
            # moment 0: the mean, 1: the second moment (mean of squares), 2: the biased variance.
            if moment == 0:
                return a.mean(dim=dims, keepdim=True)
            if moment == 1:
                return (a * a).mean(dim=dims, keepdim=True)
            return a.var(dim=dims, unbiased=False, keepdim=True)

        """;

    public static void WriteClass(StringBuilder sb, NormActExportLayer layer, string docstring)
    {
        var buffers = RunningStats.Of(layer.Genome.Root);
        sb.Append("\n\nclass ").Append(layer.ClassName).Append("(nn.Module):\n").Append(docstring)
          .Append("    GENOME = ").Append(Literals.QuotedString(layer.Item.Genome.Text)).Append("\n\n")
          .Append("    def __init__(self, num_features, groups=32, momentum=0.1):\n        super().__init__()\n")
          .Append("        self.num_features = num_features\n        self.momentum = momentum\n")
          .Append("        self.groups = max(1, min(groups, num_features))\n")
          .Append("        while num_features % self.groups != 0:\n            self.groups -= 1\n");
        foreach (var l in layer.Learnables)
            sb.Append("        self.register_parameter(").Append(Literals.QuotedString(l.Name))
              .Append(", nn.Parameter(torch.full((1, num_features, 1, 1), ").Append(Literals.Python(l.Value)).Append(")))\n");
        foreach (var b in buffers)
            sb.Append("        self.register_buffer(").Append(Literals.QuotedString(b.Name))
              .Append(b.Initial == 0 ? ", torch.zeros(num_features))\n" : ", torch.ones(num_features))\n");
        sb.Append(ForwardMethod).Append("\n    def _compute(self, x):\n");
        foreach (var line in Forward(layer.Genome.Root, buffers)) sb.Append("        ").Append(line).Append('\n');
        sb.Append(Methods);
    }

    private static List<string> Forward(Expr root, IReadOnlyList<RunningStats.Buffer> buffers)
    {
        string Learnable(string name) => "self." + name;
        if (!PythonExpr.IsComputed(root))
        {
            string leaf = PythonExpr.Print(root, Learnable);
            return [root is VarExpr ? $"return {leaf}" : $"return torch.zeros_like(x) + {leaf}"];
        }
        var lines = new List<string>();
        var locals = new Dictionary<Expr, string>();
        foreach (var node in ExprMetrics.DistinctNodes(root).Where(PythonExpr.IsComputed))
        {
            string name = "t" + locals.Count;
            lines.Add($"{name} = {PythonExpr.Node(node, c => locals[c], Learnable, (u, a) => Aggregate(u, a, buffers))}");
            locals[node] = name;
        }
        lines.Add(ExprMetrics.ContainsVariable(root) ? $"return {locals[root]}" : $"return torch.zeros_like(x) + {locals[root]}");
        return lines;
    }

    private static string Aggregate(UnaryExpr node, string a, IReadOnlyList<RunningStats.Buffer> buffers)
    {
        var (moment, axes) = node.Op.Decompose();
        // The moment code of _stat; a standard deviation is the square root of the variance.
        int stat = moment switch { Moment.Mean => 0, Moment.SecondMoment => 1, _ => 2 };
        // The operand broadcast to x's shape, as the compiled module reduces it.
        string full = a == "x" ? a : $"{a}.expand_as(x)";
        var buffer = buffers.FirstOrDefault(b => b.Node.Equals(node));
        string value = axes switch
        {
            // The registered buffer itself, so the in-place update of the running statistic hits it.
            AggregateAxes.Batch => $"self._batch({full}, {stat}, self.{buffer!.Name}, {(buffer.Unbiased ? "True" : "False")})",
            AggregateAxes.Layer => $"_stat({full}, {stat}, [1, 2, 3])",
            AggregateAxes.Instance => $"_stat({full}, {stat}, [2, 3])",
            _ => $"self._group({full}, {stat})",
        };
        return moment == Moment.Std ? $"torch.sqrt({value} + {Literals.Python(ScalarMath.Eps)})" : value;
    }

    private const string ForwardMethod = """

            def forward(self, x):
                # (N, C, H, W), or (N, C) taken as (N, C, 1, 1); the output has the input's shape.
                x4 = x.view(x.shape[0], x.shape[1], 1, 1) if x.dim() == 2 else x
                if x4.dim() != 4 or x4.shape[1] != self.num_features:
                    raise ValueError(f"expected (N, {self.num_features}, H, W) or (N, {self.num_features}), got {list(x.shape)}")
                return self._compute(x4).expand_as(x4).contiguous().view(x.shape)

        """;

    private const string Methods = """

            def _group(self, a: torch.Tensor, moment: int) -> torch.Tensor:
                # Statistics within each channel group, broadcast back to (N, C, 1, 1).
                n, c, h, w = a.shape
                s = _stat(a.reshape(n, self.groups, c // self.groups, h, w), moment, [2, 3, 4])
                return s.expand(n, self.groups, c // self.groups, 1, 1).reshape(n, c, 1, 1)

            def _batch(self, a: torch.Tensor, moment: int, running: torch.Tensor, unbiased: bool) -> torch.Tensor:
                # Training: the batch statistic, folded into the running one (a variance as the
                # unbiased estimate, as BatchNorm tracks it); evaluation: the running one.
                if not self.training:
                    return running.view(1, -1, 1, 1)
                s = _stat(a, moment, [0, 2, 3])
                with torch.no_grad():
                    count = a.shape[0] * a.shape[2] * a.shape[3]
                    observed = s * (count / (count - 1)) if unbiased and count > 1 else s
                    running.mul_(1 - self.momentum).add_(observed.detach().reshape(-1), alpha=self.momentum)
                return s

        """;
}
