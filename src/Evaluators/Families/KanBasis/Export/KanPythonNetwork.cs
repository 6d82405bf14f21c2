using System.Text;
using Evaluators.Export;

namespace Evaluators.Families.KanBasis.Export;

/// <summary>
/// The network as an <c>nn.Sequential</c> subclass laid out as the search's template: flatten, then
/// layer0, layer1, ... (so state_dict names match the TorchSharp module's), its state_dict listing
/// every parameter, then every buffer, as TorchSharp's does. Built at <c>WIDTHS</c> by default, it
/// loads the embedded <c>TRAINED</c> values (name: (shape, flat row-major float32 values), buffers
/// included); other widths give freshly initialised layers of the same bases.
/// </summary>
public static class KanPythonNetwork
{
    public static void Write(StringBuilder sb, KanExportLayer layer)
    {
        var plan = layer.Plan;
        sb.Append("\n\nclass ").Append(layer.ClassName).Append("(nn.Sequential):\n")
          .Append("    \"\"\"").Append(PyTorchExport.Docstring(layer.Item.Name)).Append(": kan-basis network of the genome\n\n")
          .Append("        ").Append(PyTorchExport.Docstring(layer.Genome.Text)).Append("\n\n")
          .Append("    Flatten, then one KAN layer per pair of widths [inputs, hidden..., outputs]:\n");
        for (int s = 0; s < plan.ClassOfSite.Count; s++)
            sb.Append("        ").Append(plan.Widths is null ? $"genome layer {s}" : $"{KanNetworkPlan.SiteName(s)} ({plan.Widths[s]} -> {plan.Widths[s + 1]})")
              .Append(": ").Append(layer.LayerClassName(plan.ClassOfSite[s])).Append('\n');
        sb.Append("        sites past these: the last class\n\n    ").Append(PyTorchExport.Docstring(layer.CoefficientsNote)).Append("\n    \"\"\"\n\n")
          .Append("    GENOME = ").Append(Literals.QuotedString(layer.Genome.Text)).Append('\n')
          .Append("    WIDTHS = ").Append(plan.Widths is { } w ? $"[{string.Join(", ", w)}]" : "None").Append("\n\n")
          .Append("    def __init__(self, widths=None, trained=True):\n        super().__init__()\n")
          .Append("        if widths is None:\n");
        if (plan.Widths is null)
            sb.Append("            raise ValueError(\"the run kept no widths for this network: pass widths=[inputs, hidden..., outputs]\")\n");
        else
            sb.Append("            widths = self.WIDTHS\n");
        sb.Append("        layers = [").Append(string.Join(", ", plan.ClassOfSite.Select(layer.LayerClassName))).Append("]\n")
          .Append("        self.add_module(\"flatten\", nn.Flatten())\n")
          .Append("        for site in range(len(widths) - 1):\n")
          .Append("            layer = layers[min(site, len(layers) - 1)]\n")
          .Append("            self.add_module(\"layer%d\" % site, layer(widths[site], widths[site + 1]))\n");
        if (layer.Trained.Tensors is not null)
            sb.Append("        if trained and list(widths) == self.WIDTHS:\n")
              .Append("            self.load_state_dict({name: torch.tensor(values).reshape(shape) for name, (shape, values) in self.TRAINED.items()})\n");
        WriteStateOrder(sb);
        WriteTrained(sb, layer);
    }

    // PyTorch lists state module by module (layer0's parameters and buffers, then layer1's); TorchSharp
    // lists every parameter, then every buffer. Moving the buffers to the end gives TorchSharp's order.
    private static void WriteStateOrder(StringBuilder sb) => sb.Append("""

            def state_dict(self, *args, destination=None, prefix="", keep_vars=False):
                # TorchSharp's order: every parameter, then every buffer (PyTorch goes layer by layer).
                state = super().state_dict(*args, destination=destination, prefix=prefix, keep_vars=keep_vars)
                for name, _ in self.named_buffers():
                    if prefix + name in state:
                        state[prefix + name] = state.pop(prefix + name)
                return state

        """);

    private static void WriteTrained(StringBuilder sb, KanExportLayer layer)
    {
        if (layer.Trained.Tensors is not { } tensors)
        {
            sb.Append("\n    TRAINED = None\n");
            return;
        }
        sb.Append("\n    # The trained network's parameters and buffers: name -> (shape, values in row-major order).\n    TRAINED = {\n");
        foreach (var s in layer.Plan.State())
        {
            sb.Append("        ").Append(Literals.QuotedString(s.Name)).Append(": ([").Append(string.Join(", ", s.Shape)).Append("], [\n");
            KanLiterals.Lines(sb, tensors[s.Name], KanLiterals.Python, "            ");
            sb.Append("        ]),\n");
        }
        sb.Append("    }\n");
    }
}
