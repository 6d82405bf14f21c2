using System.Globalization;
using System.Text;
using Evaluators.Export;
using Search.Genomes.KanBasis;

namespace Evaluators.Families.KanBasis.Export;

/// <summary>
/// One KAN layer as an <c>nn.Module</c> generic in (in_features, out_features), computing
/// <see cref="KanLayerModule"/>'s forward: silu(x) @ base_weight.T [+ base_bias] plus, per basis group,
/// the group's features times its coefficients W (times the spline scaler for B-splines), a B-spline
/// group's input first mapped per node from [grid_low, grid_high] onto [-1, 1]. Parameters and
/// buffers carry the module's names, shapes, order and initialisation.
/// </summary>
public static class KanPythonLayer
{
    public static void Write(StringBuilder sb, string className, KanLayerPlan plan)
    {
        sb.Append("\n\nclass ").Append(className).Append("(nn.Module):\n")
          .Append("    \"\"\"KAN layer ").Append(PyTorchExport.Docstring(plan.Layer.Text)).Append(": (N, in_features) -> (N, out_features).\n\n")
          .Append("    y = silu(x) @ base_weight.T").Append(plan.HasBias ? " + base_bias" : "")
          .Append(" + sum over groups g of einsum(\"nic,oic->no\", F_g(x[:, nodes_g]), W_g)\n");
        foreach (var g in plan.Groups)
            sb.Append("    group ").Append(g.Index).Append(": ").Append(PyTorchExport.Docstring(g.Basis.Text)).Append(" on ").Append(NodesText(plan, g))
              .Append(g.LowName is { } low ? $", each node's [{low}, {g.HighName}] mapped onto [-1, 1]" : "").Append('\n');
        sb.Append("    \"\"\"\n\n    LAYER = ").Append(Literals.QuotedString(plan.Layer.Text)).Append("\n\n")
          .Append("    def __init__(self, in_features, out_features):\n        super().__init__()\n");
        if (plan.MinInputs > 1)
            sb.Append("        if in_features < ").Append(plan.MinInputs).Append(":\n")
              .Append("            raise ValueError(\"this layer's node overrides need at least ").Append(plan.MinInputs).Append(" inputs\")\n");
        sb.Append("        self.in_features = in_features\n        self.out_features = out_features\n");
        foreach (var g in plan.Groups)
        {
            sb.Append("        self.nodes_").Append(g.Index).Append(" = ").Append(NodesCode(plan, g)).Append('\n');
            foreach (var (suffix, r) in Rationals(g.Basis, g.Suffix))
                sb.Append("        self.rational_groups").Append(suffix).Append(" = [i * ").Append(r.Groups).Append(" // len(self.nodes_").Append(g.Index)
                  .Append(") for i in range(len(self.nodes_").Append(g.Index).Append("))]\n");
        }
        sb.Append("        bound = 1.0 / math.sqrt(in_features)\n");
        foreach (var p in plan.Parameters)
            sb.Append("        self.").Append(p.Name).Append(" = nn.Parameter(").Append(Init(p)).Append(")\n");
        foreach (var b in plan.Buffers)
            sb.Append("        self.register_buffer(").Append(Literals.QuotedString(b.Name)).Append(", ").Append(Init(b)).Append(")\n");
        WriteForward(sb, plan);
    }

    private static void WriteForward(StringBuilder sb, KanLayerPlan plan)
    {
        sb.Append("\n    def forward(self, x: torch.Tensor) -> torch.Tensor:\n")
          .Append("        y = F.silu(x) @ self.base_weight.t()\n");
        if (plan.HasBias) sb.Append("        y = y + self.base_bias\n");
        foreach (var g in plan.Groups)
        {
            string i = g.Index.ToString(CultureInfo.InvariantCulture), x = "x" + i;
            sb.Append("        # group ").Append(i).Append(": ").Append(g.Basis.Text).Append('\n');
            if (plan.Groups.Count == 1) x = "x";
            else sb.Append("        ").Append(x).Append(" = x.index_select(1, torch.tensor(self.nodes_").Append(i).Append(", dtype=torch.long, device=x.device))\n");
            if (g.Basis is SelectBasis s)
            {
                sb.Append("        s").Append(i).Append(" = torch.softmax(self.select_logits").Append(g.Suffix).Append(", -1)\n")
                  .Append("        f").Append(i).Append(" = torch.cat([\n");
                for (int c = 0; c < s.Candidates.Count; c++)
                    sb.Append("            ").Append(Features(s.Candidates[c], x, $"{g.Suffix}_{c}")).Append(" * s").Append(i).Append("[:, ").Append(c).Append("].unsqueeze(-1),\n");
                sb.Append("        ], -1)\n");
            }
            else sb.Append("        f").Append(i).Append(" = ").Append(Features(g.Basis, Domain(g, x), g.Suffix)).Append('\n');
            sb.Append("        w").Append(i).Append(" = self.").Append(g.WeightName)
              .Append(g.ScalerName is { } scaler ? $" * self.{scaler}.unsqueeze(-1)" : "").Append('\n')
              .Append("        y = y + f").Append(i).Append(".reshape(f").Append(i).Append(".shape[0], -1) @ w").Append(i)
              .Append(".reshape(w").Append(i).Append(".shape[0], -1).t()\n");
        }
        sb.Append("        return y\n");
    }

    /// <summary>The call computing a plain basis's features of <paramref name="x"/>; its own tensors carry <paramref name="suffix"/>.</summary>
    private static string Features(Basis basis, string x, string suffix) => basis switch
    {
        BSplineBasis b => $"_kan_bspline({x}, {b.Grid}, {b.Order})",
        RbfBasis b => $"_kan_rbf({x}, self.ln_weight{suffix}, self.ln_bias{suffix}, {b.Centers}, {Literals.Python(b.Range)}, {Literals.Python(KanGrids.RbfWidth(b))})",
        ChebyshevBasis b => $"_kan_chebyshev({x}, {b.Degree})",
        FourierBasis b => $"_kan_fourier({x}, {b.Frequencies})",
        RationalBasis => $"_kan_rational({x}, self.numerator{suffix}, self.denominator{suffix}, torch.tensor(self.rational_groups{suffix}, dtype=torch.long, device={x}.device))",
        ReluKanBasis b => $"_kan_relu_kan({x}, {b.Grid}, {b.Order})",
        AfKanBasis b => $"_kan_af_kan({x}, {b.Grid}, {b.Order}, \"{KanGrids.Name(b.Activation)}\", \"{KanGrids.Name(b.Combination)}\")",
        _ => throw new ArgumentException($"no features for basis '{basis.Text}'", nameof(basis)),
    };

    /// <summary>A B-spline group's input mapped per node onto the grid's [-1, 1]; other groups' as it is.</summary>
    private static string Domain(KanGroupPlan g, string x) =>
        g.LowName is { } low ? $"_kan_to_grid({x}, self.{low}, self.{g.HighName})" : x;

    // Rational bases of a group (itself, or select candidates) with the suffix of their tensors.
    internal static IEnumerable<(string Suffix, RationalBasis Basis)> Rationals(Basis basis, string suffix) => basis switch
    {
        RationalBasis r => [(suffix, r)],
        SelectBasis s => s.Candidates.SelectMany((c, i) => Rationals(c, $"{suffix}_{i}")),
        _ => [],
    };

    private static string NodesCode(KanLayerPlan plan, KanGroupPlan g) =>
        g.Nodes is { } nodes ? $"[{string.Join(", ", nodes)}]"
        : plan.Overridden.Count == 0 ? "list(range(in_features))"
        : $"[i for i in range(in_features) if i not in [{string.Join(", ", plan.Overridden)}]]";

    internal static string NodesText(KanLayerPlan plan, KanGroupPlan g) =>
        g.Nodes is { } nodes ? $"{(nodes.Count == 1 ? "node" : "nodes")} {string.Join(", ", nodes)}"
        : plan.Overridden.Count == 0 ? "every node" : $"every node but {string.Join(", ", plan.Overridden)}";

    private static string Init(KanParameterPlan p)
    {
        string shape = string.Join(", ", p.Shape.Select(d => d.Code("out_features", "in_features", $"len(self.nodes_{p.Group?.Index})")));
        return p.Init switch
        {
            KanInitKind.Uniform => $"torch.empty({shape}).uniform_(-bound, bound)",
            KanInitKind.Ones => $"torch.ones({shape})",
            KanInitKind.Zeros => $"torch.zeros({shape})",
            KanInitKind.MinusOnes => $"torch.full(({shape},), -1.0)",
            // P(x) = x in every group: row e_1 repeated.
            KanInitKind.Identity => $"torch.eye({p.Shape[1].Size})[1].repeat({p.Shape[0].Size}, 1)",
            _ => Weight(p),
        };
    }

    private static string Weight(KanParameterPlan p)
    {
        string nodes = $"len(self.nodes_{p.Group!.Index})";
        var pieces = p.Pieces!.Select(piece => piece.Uniform
            ? $"torch.empty(out_features, {nodes}, {piece.Count}).uniform_(-bound, bound)"
            : $"torch.randn(out_features, {nodes}, {piece.Count}) * {Scale(piece)}").ToArray();
        return pieces.Length == 1 ? pieces[0] : $"torch.cat([{string.Join(", ", pieces)}], -1)";
    }

    private static string Scale(KanWeightPiece piece)
    {
        string denominator = piece.Multiplier == 1 ? "in_features" : $"in_features * {piece.Multiplier}";
        return piece.Root ? $"({Literals.Python(piece.Numerator)} / math.sqrt({denominator}))" : $"({Literals.Python(piece.Numerator)} / ({denominator}))";
    }
}
