using System.Text;
using Evaluators.Export;
using Search.Genomes.Routing;

namespace Evaluators.Families.Routing;

/// <summary>
/// The layer's LaTeX (amsmath <c>aligned</c> inside the equation): the combination, the gate's
/// probabilities with its name and temperature, the selection and weights, the capacity and queue,
/// and the loss terms with their weights.
/// </summary>
public static class RoutingExportLatex
{
    public static string Of(RoutingExportLayer layer)
    {
        var g = layer.Genome;
        string N(double v) => LatexFormula.Number(v);
        var lines = new List<string>();
        bool expertChoice = layer.Selection == RoutingSelection.ExpertChoice;
        lines.Add(expertChoice
            ? @"\sum_{e \,:\, t \in T_e} p_{t,e}\, \mathrm{FFN}_e(x_t)"
            : @"\sum_{i \in S(x_t),\ \text{kept}} g_{t,i}\, \mathrm{FFN}_i(x_t)");
        string scores = g.Gate switch
        {
            GateType.NoisyTopK => @"l_t + \epsilon \odot \mathrm{softplus}(W_{\mathrm{noise}} x_t)",
            GateType.ActSoftmax => $@"\mathrm{{{LatexExport.Escape(RoutingNames.Activations[g.Activation!.Value])}}}(l_t)",
            _ => "l_t",
        };
        lines.Add($@"&\text{{gate }} \texttt{{{LatexExport.Escape(layer.GateName)}}}\text{{: }} l_t = W_r x_t,\quad p_t = \mathrm{{softmax}}\!\left(\frac{{{scores}}}{{\tau}}\right),\quad E = {g.Experts}");
        if (g.Gate == GateType.NoisyTopK) lines.Add(@"&\epsilon \sim \mathcal{N}(0, I) \text{ in training}, \ \epsilon = 0 \text{ in evaluation}");
        if (g.Schedule is { } s)
        {
            string tau = s.Kind switch
            {
                ScheduleKind.Linear => $@"{N(s.Start)} + ({N(s.End)} - {N(s.Start)})\, u",
                ScheduleKind.Cosine => $@"{N(s.End)} + ({N(s.Start)} - {N(s.End)})\, \frac{{1 + \cos \pi u}}{{2}}",
                _ => $@"{N(s.Start)} \left(\frac{{{N(s.End)}}}{{{N(s.Start)}}}\right)^{{u}}",
            };
            lines.Add($@"&\tau(s) = {tau},\quad u = \min(s / {s.Steps}, 1)");
        }
        else lines.Add($@"&\tau = {N(g.Temperature ?? 1)}");
        if (expertChoice)
        {
            lines.Add(@"&T_e = \operatorname{top}_C \{ p_{t,e} : t = 1..N \}");
            lines.Add($@"&C = \min\!\left(N, \max\!\left(1, \left\lfloor \frac{{{N(g.Capacity)}\, N}}{{{g.Experts}}} \right\rfloor\right)\right)");
        }
        else if (layer.TopP is { } topP)
        {
            string by = layer.HasBias ? "p_t + b" : "p_t";
            lines.Add($@"&S(x_t) = \{{ \pi_t(r) : r = 0 \ \text{{or}}\ \textstyle\sum_{{r' < r}} p_{{t,\pi_t(r')}} < {N(topP)} \}},\quad \pi_t = \operatorname{{argsort}}\downarrow({by}),\quad g_{{t,i}} = p_{{t,i}}");
            lines.Add($@"&C = \min\!\left(N, \max\!\left(1, \left\lfloor \frac{{{N(g.Capacity)}\, R}}{{{g.Experts}}} \right\rfloor\right)\right)\text{{ routes per expert (R routes taken), queued rank-major then by token; later routes dropped}}");
        }
        else
        {
            int k = g.K!.Value;
            lines.Add($@"&S(x_t) = \operatorname{{top}}_{{{k}}}({(layer.HasBias ? "p_t + b" : "p_t")}),\quad " + (k == 1
                ? @"g_{t,i} = p_{t,i}"
                : @"g_{t,i} = \frac{p_{t,i}}{\sum_{j \in S(x_t)} p_{t,j}}"));
            lines.Add($@"&C = \min\!\left(N, \max\!\left(1, \left\lfloor \frac{{{N(g.Capacity)}\, N\, {k}}}{{{g.Experts}}} \right\rfloor\right)\right)\text{{ routes per expert, queued choice-major then by token; later routes dropped}}");
        }
        var loss = new StringBuilder(@"&\mathcal{L}_{\mathrm{aux}} = ");
        if (!expertChoice) loss.Append(N(g.LoadBalance ?? 0)).Append(@"\cdot ").Append(g.Experts).Append(@" \sum_i f_i P_i + ");
        loss.Append(N(g.ZLoss)).Append(@"\cdot \frac{1}{N} \sum_t \Bigl(\log \sum_i e^{l_{t,i}}\Bigr)^{2}");
        lines.Add(loss.ToString());
        if (!expertChoice) lines.Add(@"&f_i = \text{share of routes choosing } i \text{ (before drops)},\quad P_i = \frac{1}{N} \sum_t p_{t,i}");
        if (layer.BiasRate is { } u and > 0)
            lines.Add($@"&b_i \leftarrow b_i + {N(u)}\, \operatorname{{sign}}(\bar{{c}} - c_i) \text{{ after each training step}},\quad c_i = \text{{routes choosing }} i \text{{ (before drops) in the last training forward}}");
        return @"\begin{aligned}[t] &" + string.Join(@" \\" + "\n", lines) + "\n\\end{aligned}";
    }
}
