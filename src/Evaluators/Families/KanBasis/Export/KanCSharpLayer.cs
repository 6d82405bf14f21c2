using System.Globalization;
using System.Security;
using System.Text;
using Evaluators.Export;
using Search.Genomes.KanBasis;

namespace Evaluators.Families.KanBasis.Export;

/// <summary>
/// One KAN layer as a TorchSharp module generic in (inFeatures, outFeatures), computing
/// <see cref="KanLayerModule"/>'s forward (a B-spline group's input first mapped per node from
/// [grid_low, grid_high] onto [-1, 1]) with the same parameter and buffer names, shapes, order and
/// initialisation. Fields carry <c>ComponentName</c> so <c>to(device or dtype)</c> replaces the
/// registered tensors, not copies.
/// </summary>
public static class KanCSharpLayer
{
    public static void Write(StringBuilder sb, string className, KanLayerPlan plan)
    {
        sb.Append("\n/// <summary>KAN layer <c>").Append(SecurityElement.Escape(plan.Layer.Text)).Append("</c>: (N, in) -> (N, out); ")
          .Append(SecurityElement.Escape(string.Join("; ", plan.Groups.Select(g => $"group {g.Index}: {g.Basis.Text} on {KanPythonLayer.NodesText(plan, g)}"))))
          .Append(".</summary>\npublic sealed class ").Append(className).Append(" : nn.Module<Tensor, Tensor>\n{\n")
          .Append("    public const string Layer = ").Append(Literals.QuotedString(plan.Layer.Text)).Append(";\n\n");
        foreach (var g in plan.Groups)
        {
            sb.Append("    private readonly long[] _nodes").Append(g.Index).Append(";\n");
            foreach (var (suffix, _) in KanPythonLayer.Rationals(g.Basis, g.Suffix))
                sb.Append("    private readonly long[] _rationalGroups").Append(suffix).Append(";\n");
        }
        foreach (var p in plan.Parameters)
            sb.Append("    [TorchSharp.Utils.ComponentName(Name = ").Append(Literals.QuotedString(p.Name)).Append(")] private Parameter _").Append(p.Name).Append(";\n");
        foreach (var b in plan.Buffers)
            sb.Append("    [TorchSharp.Utils.ComponentName(Name = ").Append(Literals.QuotedString(b.Name)).Append(")] private Tensor _").Append(b.Name).Append(";\n");
        sb.Append("\n    public ").Append(className).Append("(long inFeatures, long outFeatures) : base(").Append(Literals.QuotedString(className)).Append(")\n    {\n");
        if (plan.MinInputs > 1)
            sb.Append("        if (inFeatures < ").Append(plan.MinInputs).Append(") throw new ArgumentException(\"this layer's node overrides need at least ")
              .Append(plan.MinInputs).Append(" inputs\");\n");
        foreach (var g in plan.Groups)
        {
            sb.Append("        _nodes").Append(g.Index).Append(" = ").Append(NodesCode(plan, g)).Append(";\n");
            foreach (var (suffix, r) in KanPythonLayer.Rationals(g.Basis, g.Suffix))
                sb.Append("        _rationalGroups").Append(suffix).Append(" = KanBases.RationalGroups(_nodes").Append(g.Index).Append(".Length, ").Append(r.Groups).Append(");\n");
        }
        sb.Append("        double bound = 1.0 / Math.Sqrt(inFeatures);\n");
        foreach (var p in plan.Parameters)
            sb.Append("        _").Append(p.Name).Append(" = new Parameter(").Append(Init(p)).Append(");\n")
              .Append("        register_parameter(").Append(Literals.QuotedString(p.Name)).Append(", _").Append(p.Name).Append(");\n");
        foreach (var b in plan.Buffers)
            sb.Append("        _").Append(b.Name).Append(" = ").Append(Init(b)).Append(";\n")
              .Append("        register_buffer(").Append(Literals.QuotedString(b.Name)).Append(", _").Append(b.Name).Append(");\n");
        sb.Append("    }\n");
        WriteForward(sb, plan);
        sb.Append("}\n");
    }

    private static void WriteForward(StringBuilder sb, KanLayerPlan plan)
    {
        sb.Append("\n    public override Tensor forward(Tensor x)\n    {\n        using var scope = NewDisposeScope();\n")
          .Append("        var y = nn.functional.silu(x).matmul(_base_weight.t());\n");
        if (plan.HasBias) sb.Append("        y = y.add(_base_bias);\n");
        foreach (var g in plan.Groups)
        {
            string i = g.Index.ToString(CultureInfo.InvariantCulture), x = "x" + i;
            sb.Append("        // group ").Append(i).Append(": ").Append(g.Basis.Text).Append('\n');
            if (plan.Groups.Count == 1) x = "x";
            else sb.Append("        var ").Append(x).Append(" = x.index_select(1, tensor(_nodes").Append(i).Append(", device: x.device));\n");
            if (g.Basis is SelectBasis s)
            {
                sb.Append("        var s").Append(i).Append(" = _select_logits").Append(g.Suffix).Append(".softmax(-1);\n")
                  .Append("        var f").Append(i).Append(" = cat(new[]\n        {\n");
                for (int c = 0; c < s.Candidates.Count; c++)
                    sb.Append("            ").Append(Features(s.Candidates[c], x, $"{g.Suffix}_{c}")).Append(".mul(s").Append(i).Append(".select(1, ").Append(c).Append(").unsqueeze(-1)),\n");
                sb.Append("        }, -1);\n");
            }
            else sb.Append("        var f").Append(i).Append(" = ").Append(Features(g.Basis, Domain(g, x), g.Suffix)).Append(";\n");
            sb.Append("        var w").Append(i).Append(" = _").Append(g.WeightName)
              .Append(g.ScalerName is { } scaler ? $".mul(_{scaler}.unsqueeze(-1))" : "").Append(";\n")
              .Append("        y = y.add(f").Append(i).Append(".reshape(f").Append(i).Append(".shape[0], -1).matmul(w").Append(i)
              .Append(".reshape(w").Append(i).Append(".shape[0], -1).t()));\n");
        }
        sb.Append("        return y.MoveToOuterDisposeScope();\n    }\n");
    }

    private static string Features(Basis basis, string x, string suffix) => basis switch
    {
        BSplineBasis b => $"KanBases.BSpline({x}, {b.Grid}, {b.Order})",
        RbfBasis b => $"KanBases.Rbf({x}, _ln_weight{suffix}, _ln_bias{suffix}, {b.Centers}, {Literals.CSharp(b.Range)}, {Literals.CSharp(KanGrids.RbfWidth(b))})",
        ChebyshevBasis b => $"KanBases.Chebyshev({x}, {b.Degree})",
        FourierBasis b => $"KanBases.Fourier({x}, {b.Frequencies})",
        RationalBasis => $"KanBases.Rational({x}, _numerator{suffix}, _denominator{suffix}, tensor(_rationalGroups{suffix}, device: {x}.device))",
        ReluKanBasis b => $"KanBases.ReluKan({x}, {b.Grid}, {b.Order})",
        AfKanBasis b => $"KanBases.AfKan({x}, {b.Grid}, {b.Order}, \"{KanGrids.Name(b.Activation)}\", \"{KanGrids.Name(b.Combination)}\")",
        _ => throw new ArgumentException($"no features for basis '{basis.Text}'", nameof(basis)),
    };

    /// <summary>A B-spline group's input mapped per node onto the grid's [-1, 1]; other groups' as it is.</summary>
    private static string Domain(KanGroupPlan g, string x) =>
        g.LowName is { } low ? $"KanBases.ToGrid({x}, _{low}, _{g.HighName})" : x;

    private static string NodesCode(KanLayerPlan plan, KanGroupPlan g) =>
        g.Nodes is { } nodes ? $"new long[] {{ {string.Join(", ", nodes)} }}"
        : $"KanBases.NodesExcept(inFeatures, new long[] {{ {string.Join(", ", plan.Overridden)} }})";

    private static string Init(KanParameterPlan p)
    {
        string shape = string.Join(", ", p.Shape.Select(d => d.Code("outFeatures", "inFeatures", $"_nodes{p.Group?.Index}.Length")));
        return p.Init switch
        {
            KanInitKind.Uniform => $"empty({shape}).uniform_(-bound, bound)",
            KanInitKind.Ones => $"ones({shape})",
            KanInitKind.Zeros => $"zeros({shape})",
            KanInitKind.MinusOnes => $"full({shape}, -1.0)",
            // P(x) = x in every group: row e_1 repeated.
            KanInitKind.Identity => $"eye({p.Shape[1].Size})[1].repeat({p.Shape[0].Size}, 1)",
            _ => Weight(p),
        };
    }

    private static string Weight(KanParameterPlan p)
    {
        string nodes = $"_nodes{p.Group!.Index}.Length";
        var pieces = p.Pieces!.Select(piece => piece.Uniform
            ? $"empty(outFeatures, {nodes}, {piece.Count}).uniform_(-bound, bound)"
            : $"randn(outFeatures, {nodes}, {piece.Count}).mul({Scale(piece)})").ToArray();
        return pieces.Length == 1 ? pieces[0] : $"cat(new[] {{ {string.Join(", ", pieces)} }}, -1)";
    }

    private static string Scale(KanWeightPiece piece)
    {
        string denominator = piece.Multiplier == 1 ? "inFeatures" : $"inFeatures * {piece.Multiplier}";
        return piece.Root ? $"{Literals.CSharp(piece.Numerator)} / Math.Sqrt({denominator})" : $"{Literals.CSharp(piece.Numerator)} / ({denominator})";
    }
}
