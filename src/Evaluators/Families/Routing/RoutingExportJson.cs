using System.Globalization;
using System.Text.Json;
using Evaluators.Export;
using Search.Genomes.Routing;

namespace Evaluators.Families.Routing;

/// <summary>
/// The layer's JSON member "routing": the genome's fields (those its gate takes), the constructor's
/// arguments, the formulas with their parameters, and the state_dict's tensors (name, shape with E a
/// number and d, h as "features", "hidden", kind, init).
/// </summary>
public static class RoutingExportJson
{
    public static void Write(Utf8JsonWriter w, RoutingExportLayer layer)
    {
        var g = layer.Genome;
        w.WriteStartObject("routing");
        w.WriteString("gate", layer.GateName);
        w.WriteNumber("experts", g.Experts);
        if (g.K is { } k) w.WriteNumber("k", k);
        if (g.Temperature is { } tau) w.WriteNumber("tau", tau);
        if (g.Schedule is { } s)
        {
            w.WriteStartObject("schedule");
            w.WriteString("kind", RoutingNames.Schedules[s.Kind]);
            w.WriteNumber("tau_start", s.Start);
            w.WriteNumber("tau_end", s.End);
            w.WriteNumber("steps", s.Steps);
            w.WriteEndObject();
        }
        if (g.Activation is { } act) w.WriteString("act", RoutingNames.Activations[act]);
        if (layer.TopP is { } topP) w.WriteNumber("p", topP);
        if (layer.BiasRate is { } rate) w.WriteNumber("bias", rate);
        if (g.LoadBalance is { } lb) w.WriteNumber("lb", lb);
        w.WriteNumber("capacity", g.Capacity);
        w.WriteNumber("zloss", g.ZLoss);
        w.WriteStartArray("constructor");
        w.WriteStringValue("features");
        w.WriteStringValue("hidden");
        w.WriteEndArray();
        w.WriteString("selection", layer.Selection switch
        {
            RoutingSelection.ExpertChoice => "expert_choice",
            RoutingSelection.TopP => "top_p",
            _ => "top_k",
        });

        w.WriteStartObject("formulas");
        foreach (var (key, text) in Formulas(layer)) w.WriteString(key, text);
        w.WriteEndObject();

        w.WriteStartArray("tensors");
        foreach (var t in layer.Tensors)
        {
            w.WriteStartObject();
            w.WriteString("name", t.Name);
            w.WriteStartArray("shape");
            foreach (var dim in t.Shape)
            {
                if (int.TryParse(dim, NumberStyles.None, CultureInfo.InvariantCulture, out int n)) w.WriteNumberValue(n);
                else w.WriteStringValue(dim);
            }
            w.WriteEndArray();
            w.WriteString("kind", t.Kind);
            w.WriteString("init", t.Init);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The layer's formulas in plain text, parameters by value: logits, probabilities, selection, weights, combination, capacity, queue, losses.</summary>
    public static IReadOnlyList<(string Key, string Text)> Formulas(RoutingExportLayer layer)
    {
        var g = layer.Genome;
        string Num(double v) => Literals.Python(v);
        string tau = g.Schedule is { } s
            ? RoutingNames.Schedules[s.Kind] switch
            {
                "linear" => $"tau(step) = {Num(s.Start)} + ({Num(s.End)} - {Num(s.Start)}) t",
                "cosine" => $"tau(step) = {Num(s.End)} + ({Num(s.Start)} - {Num(s.End)}) (1 + cos(pi t)) / 2",
                _ => $"tau(step) = {Num(s.Start)} ({Num(s.End)} / {Num(s.Start)})^t",
            } + $", t = min(max(step, 0) / {s.Steps}, 1)"
            : $"tau = {Num(g.Temperature ?? 1)}";
        string scores = g.Gate switch
        {
            GateType.NoisyTopK => "l + eps * softplus(x W_noise^T), eps ~ N(0, 1) in training, eps = 0 in eval",
            GateType.ActSoftmax => $"{RoutingNames.Activations[g.Activation!.Value]}(l)",
            _ => "l",
        };
        var list = new List<(string, string)>
        {
            ("logits", "l = x W_r^T (N, E), x the input flattened to (N, features)"),
            ("temperature", tau),
            ("probabilities", $"p = softmax({(scores == "l" ? "l" : $"({scores})")} / tau) over the {g.Experts} experts"),
        };
        if (layer.Selection == RoutingSelection.ExpertChoice)
        {
            list.Add(("selection", "expert e takes the C tokens t of highest p[t, e]"));
            list.Add(("weights", "g[t, e] = p[t, e]"));
            list.Add(("combination", "y_t = sum over experts e that took t of p[t, e] FFN_e(x_t); a token no expert took outputs 0"));
            list.Add(("capacity", $"C = min(N, max(1, floor({Num(g.Capacity)} N / {g.Experts})))"));
            list.Add(("queue", "every expert runs exactly C tokens"));
        }
        else if (layer.TopP is { } topP)
        {
            string by = layer.HasBias ? "s = p[t, :] + b" : "p[t, :]";
            list.Add(("selection", $"rank the experts by {by} descending; S(t) = the experts at rank r with r = 0 or (sum of p over ranks 0..r-1) < {Num(topP)}"));
            list.Add(("weights", "g[t, i] = p[t, i] (not renormalised)"));
            list.Add(("combination", "y_t = sum over kept routes (t, i) of g[t, i] FFN_i(x_t)"));
            list.Add(("capacity", $"C = min(N, max(1, floor({Num(g.Capacity)} R / {g.Experts}))), R the routes taken"));
            list.Add(("queue", "routes queue rank-major, then by token index; a route at place >= C in its expert's queue is dropped"));
            list.Add(("load_balance", $"LB = {g.Experts} sum_i f_i P_i, f_i = share of the R routes choosing i (before drops), P_i = mean_t p[t, i]; weight lb = {Num(g.LoadBalance ?? 0)}"));
        }
        else
        {
            int k = g.K!.Value;
            list.Add(("selection", layer.HasBias ? $"S(t) = the {k} experts of highest p[t, :] + b" : $"S(t) = the {k} experts of highest p[t, :]"));
            list.Add(("weights", k == 1 ? "g[t, i] = p[t, i]" : "g[t, i] = p[t, i] / sum_{j in S(t)} p[t, j]"));
            list.Add(("combination", "y_t = sum over kept routes (t, i) of g[t, i] FFN_i(x_t)"));
            list.Add(("capacity", $"C = min(N, max(1, floor({Num(g.Capacity)} N {k} / {g.Experts})))"));
            list.Add(("queue", "routes queue choice-major, then by token index; a route at place >= C in its expert's queue is dropped (its weight is not given to the other experts)"));
            list.Add(("load_balance", $"LB = {g.Experts} sum_i f_i P_i, f_i = share of the N k routes choosing i (before drops), P_i = mean_t p[t, i]; weight lb = {Num(g.LoadBalance ?? 0)}"));
        }
        list.Add(("z_loss", $"Z = mean_t (logsumexp_i l[t, i])^2; weight zloss = {Num(g.ZLoss)}"));
        list.Add(("aux_loss", layer.Selection == RoutingSelection.ExpertChoice ? "zloss Z" : "lb LB + zloss Z"));
        list.Add(("expert", "FFN_i(x) = GELU(x w1[i] + b1[i]) w2[i] + b2[i]"));
        if (layer.BiasRate is { } u)
            list.Add(("bias", u > 0
                ? $"buffer balance_bias b (E), zeros at first; after each training step b_i += {Num(u)} sign(mean_j load_j - load_i), load_i the routes that chose expert i (before capacity drops) in the last training forward"
                : "buffer balance_bias b (E), zeros, not updated (bias rate 0)"));
        return list;
    }
}
