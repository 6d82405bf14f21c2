using System.Security;
using System.Text;
using Evaluators.Export;

namespace Evaluators.Families.KanBasis.Export;

/// <summary>
/// The network as a TorchSharp module laid out as the search's template: flatten, then layer0,
/// layer1, ... registered under those names (so state_dicts move either way). Built at
/// <c>Widths</c> by default, it loads the embedded trained values; other widths give freshly
/// initialised layers of the same bases. No nullable annotations: the file is marked auto-generated,
/// which turns them off (and warns on a bare <c>?</c>).
/// </summary>
public static class KanCSharpNetwork
{
    public static void Write(StringBuilder sb, KanExportLayer layer)
    {
        var plan = layer.Plan;
        string name = layer.ClassName;
        var sites = plan.ClassOfSite.Select((c, s) =>
            (plan.Widths is null ? $"genome layer {s}" : $"{KanNetworkPlan.SiteName(s)} ({plan.Widths[s]} -> {plan.Widths[s + 1]})") + $" {layer.LayerClassName(c)}");
        sb.Append("/// <remarks>Layers: ").Append(SecurityElement.Escape(string.Join(", ", sites))).Append(". ")
          .Append(SecurityElement.Escape(layer.CoefficientsNote)).Append("</remarks>\n")
          .Append("public sealed class ").Append(name).Append(" : nn.Module<Tensor, Tensor>\n{\n")
          .Append("    public const string Genome = ").Append(Literals.QuotedString(layer.Genome.Text)).Append(";\n\n")
          .Append("    /// <summary>The trained network's widths [inputs, hidden..., outputs]; null when the run kept none.</summary>\n")
          .Append("    public static readonly long[] Widths = ").Append(plan.Widths is { } w ? $"new long[] {{ {string.Join(", ", w)} }}" : "null").Append(";\n\n")
          .Append("    private readonly Flatten _flatten = nn.Flatten();\n")
          .Append("    private readonly System.Collections.Generic.List<nn.Module<Tensor, Tensor>> _layers = new();\n\n")
          .Append("    /// <param name=\"widths\">[inputs, hidden..., outputs]; null: <see cref=\"Widths\"/>. Sites past the genome's layers take the last layer class.</param>\n")
          .Append("    /// <param name=\"trained\">Load the trained values (when they were kept and the widths are the trained ones).</param>\n")
          .Append("    public ").Append(name).Append("(long[] widths = null, bool trained = true) : base(").Append(Literals.QuotedString(name)).Append(")\n    {\n")
          .Append("        widths ??= Widths ?? throw new ArgumentException(\"the run kept no widths for this network: give widths [inputs, hidden..., outputs]\");\n")
          .Append("        register_module(\"flatten\", _flatten);\n")
          .Append("        for (int site = 0; site + 1 < widths.Length; site++)\n        {\n")
          .Append("            nn.Module<Tensor, Tensor> layer = site switch\n            {\n");
        for (int s = 0; s < plan.ClassOfSite.Count; s++)
            sb.Append("                ").Append(s == plan.ClassOfSite.Count - 1 ? "_" : s.ToString(System.Globalization.CultureInfo.InvariantCulture))
              .Append(" => new ").Append(layer.LayerClassName(plan.ClassOfSite[s])).Append("(widths[site], widths[site + 1]),\n");
        sb.Append("            };\n            _layers.Add(layer);\n            register_module($\"layer{site}\", layer);\n        }\n");
        if (layer.Trained.Tensors is not null)
            sb.Append("        if (trained && Widths is not null && System.Linq.Enumerable.SequenceEqual(widths, Widths)) LoadTrained();\n");
        sb.Append("    }\n\n")
          .Append("    public override Tensor forward(Tensor input)\n    {\n        using var scope = NewDisposeScope();\n")
          .Append("        var x = _flatten.forward(input);\n        foreach (var layer in _layers) x = layer.forward(x);\n")
          .Append("        return x.MoveToOuterDisposeScope();\n    }\n");
        WriteTrained(sb, layer);
        sb.Append("}\n");
    }

    private static void WriteTrained(StringBuilder sb, KanExportLayer layer)
    {
        if (layer.Trained.Tensors is not { } tensors) return;
        sb.Append("\n    /// <summary>The trained parameters and buffers, row-major float32.</summary>\n    private void LoadTrained()\n    {\n")
          .Append("        using var scope = NewDisposeScope();\n")
          .Append("        var state = new System.Collections.Generic.Dictionary<string, Tensor>\n        {\n");
        foreach (var s in layer.Plan.State())
        {
            sb.Append("            [").Append(Literals.QuotedString(s.Name)).Append("] = tensor(new float[]\n            {\n");
            KanLiterals.Lines(sb, tensors[s.Name], KanLiterals.CSharp, "                ");
            sb.Append("            }).reshape(").Append(string.Join(", ", s.Shape)).Append("),\n");
        }
        sb.Append("        };\n        load_state_dict(state);\n    }\n");
    }
}
