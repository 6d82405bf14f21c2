using System.Text;
using Evaluators.Export;
using Search.Genomes.Routing;

namespace Evaluators.Families.Routing;

/// <summary>
/// The layer as PyTorch: an <c>nn.Module</c> for the stacked experts (<see cref="ExpertBank"/>'s
/// w1/b1/w2/b2) and the layer class <c>(features, hidden)</c> with the genome's values as class
/// constants. Its forward is <see cref="MoeLayer"/>'s: inputs (..., d) flattened to (N, d), logits
/// x W_r^T, the gate's probabilities, selection on p + balance_bias for token choice, routes queued
/// choice-major (top-p: rank-major) then by token, routes past an expert's capacity dropped, outputs
/// combined with index_add; after each forward the module holds <c>load</c>, <c>dropped_routes</c>,
/// <c>dropped_tokens</c>, <c>load_balance</c>, <c>z_loss</c> and <c>aux_loss</c> (None where both weights
/// are 0), after a training forward <c>training_choices</c> for <c>update_bias()</c> (MoeLayer.AfterStep).
/// The classes script with <c>torch.jit.script</c>: genome values are <c>Final</c> class constants, the
/// attributes that start as None are declared <c>Optional[torch.Tensor]</c> (<c>step</c> <c>int</c>), the
/// loss terms are combined from locals (TorchScript does not narrow Optional attributes), the capacity
/// argument of <c>_dispatch</c> is <c>int</c>, and <c>update_bias()</c> is <c>@torch.jit.export</c>ed (so the scripted
/// module has it).
/// </summary>
public static class RoutingExportPython
{
    public static void Write(StringBuilder sb, RoutingExportLayer layer)
    {
        var g = layer.Genome;
        WriteExperts(sb, layer);
        sb.Append("\n\nclass ").Append(layer.ClassName).Append("(nn.Module):\n")
          .Append("    \"\"\"").Append(PyTorchExport.Docstring(layer.Item.Name)).Append(": routing (mixture-of-experts) layer of the genome\n\n")
          .Append("        ").Append(PyTorchExport.Docstring(g.Text)).Append("\n\n")
          .Append("    Maps (..., features) to (..., features) with ").Append(g.Experts).Append(" experts Linear(features, hidden) -> GELU ->\n")
          .Append("    Linear(hidden, features). Parameter names are the search's MoeLayer's, so its state_dict loads as is.\n");
        if (g.Schedule is not null)
            sb.Append("    The gate temperature follows its schedule at self.step (default: the schedule's end, tau_end).\n");
        if (layer.HasBias)
            sb.Append("    Token choice selects on p + balance_bias; call update_bias() after each training step to move it.\n");
        sb.Append("    Scriptable: torch.jit.script(layer) computes the same (a bad input shape then raises torch.jit.Error).\n")
          .Append("    \"\"\"\n\n");
        // Final: constants of the class for torch.jit.script, as the genome's values.
        Constant(sb, "GENOME", "str", Literals.QuotedString(g.Text));
        Constant(sb, "GATE", "str", Literals.QuotedString(layer.GateName));
        Constant(sb, "EXPERTS", "int", Int(g.Experts));
        if (layer.Selection == RoutingSelection.TopK) Constant(sb, "K", "int", Int(g.K!.Value));
        if (layer.TopP is { } topP) Constant(sb, "P", "float", Literals.Python(topP));
        if (layer.BiasRate is { } rate) Constant(sb, "BIAS_RATE", "float", Literals.Python(rate));
        if (g.Temperature is { } tau) Constant(sb, "TAU", "float", Literals.Python(tau));
        if (g.Schedule is { } s)
        {
            Constant(sb, "TAU_START", "float", Literals.Python(s.Start));
            Constant(sb, "TAU_END", "float", Literals.Python(s.End));
            Constant(sb, "SCHEDULE", "str", Literals.QuotedString(RoutingNames.Schedules[s.Kind]));
            Constant(sb, "STEPS", "int", Int(s.Steps));
        }
        if (g.Activation is { } act) Constant(sb, "ACT", "str", Literals.QuotedString(RoutingNames.Activations[act]));
        Constant(sb, "CAPACITY", "float", Literals.Python(g.Capacity));
        Constant(sb, "LB", "float", Literals.Python(g.LoadBalance ?? 0));
        Constant(sb, "ZLOSS", "float", Literals.Python(g.ZLoss));

        // The types of attributes that start as None (torch.jit.script would take them for NoneType).
        sb.Append('\n');
        if (g.Schedule is not null) sb.Append("    step: int\n");
        if (layer.HasBias) sb.Append("    training_choices: Optional[torch.Tensor]\n");
        foreach (var name in new[] { "load", "dropped_routes", "dropped_tokens", "load_balance", "z_loss", "aux_loss" })
            sb.Append("    ").Append(name).Append(": Optional[torch.Tensor]\n");
        sb.Append('\n');

        sb.Append("    def __init__(self, features, hidden");
        if (g.Schedule is not null) sb.Append(", step=None");
        sb.Append("):\n        super().__init__()\n")
          .Append("        self.features = features\n        self.hidden = hidden\n")
          .Append("        self.experts = ").Append(layer.ExpertsClassName).Append("(self.EXPERTS, features, hidden)\n")
          .Append("        bound = 1.0 / math.sqrt(features)\n")
          .Append("        self.router_weight = nn.Parameter(torch.empty(self.EXPERTS, features).uniform_(-bound, bound))\n");
        if (layer.HasNoise)
            sb.Append("        # Shazeer 2017 starts the noise projection at zero.\n")
              .Append("        self.noise_weight = nn.Parameter(torch.zeros(self.EXPERTS, features))\n");
        if (g.Schedule is not null)
            sb.Append("        self.step = self.STEPS if step is None else step\n");
        if (layer.HasBias)
            sb.Append("        # Every token-choice layer has the buffer (also at BIAS_RATE = 0), as the search's MoeLayer.\n")
              .Append("        self.register_buffer(\"balance_bias\", torch.zeros(self.EXPERTS))\n")
              .Append("        self.training_choices = None  # routes chosen per expert in the last training forward, before capacity\n");
        sb.Append("        self.load = None\n        self.dropped_routes = None\n        self.dropped_tokens = None\n")
          .Append("        self.load_balance = None\n        self.z_loss = None\n        self.aux_loss = None\n");

        WriteTemperature(sb, g);
        WriteForward(sb, layer);
        if (layer.Selection == RoutingSelection.ExpertChoice) WriteExpertChoice(sb);
        else
        {
            if (layer.Selection == RoutingSelection.TopP) WriteTopPRoutes(sb, layer);
            else WriteTopKRoutes(sb, layer);
            WriteDispatch(sb);
        }
        if (layer.HasBias) WriteUpdateBias(sb);
    }

    private static void Constant(StringBuilder sb, string name, string type, string value) =>
        sb.Append("    ").Append(name).Append(": Final[").Append(type).Append("] = ").Append(value).Append('\n');

    private static string Int(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// After a training step (<see cref="MoeLayer.AfterStep"/>): with u = BIAS_RATE &gt; 0, b_i += u sign(mean load -
    /// load_i), load_i the routes that chose expert i (before capacity) in the training forward since the last call.
    /// </summary>
    private static void WriteUpdateBias(StringBuilder sb) => sb.Append(""""

            @torch.jit.export
            def update_bias(self):
                """Call after each training step: b_i += BIAS_RATE * sign(mean load - load_i), load_i the routes that
                chose expert i (before capacity) in the training forward since the last call; nothing when BIAS_RATE
                is 0 or no training forward came since."""
                load, self.training_choices = self.training_choices, None
                if load is None or not self.BIAS_RATE > 0:
                    return
                with torch.no_grad():
                    load = load.to(self.balance_bias.dtype)
                    self.balance_bias += torch.sign(load.mean() - load) * self.BIAS_RATE

        """");

    /// <summary>Each token's experts by p (+ b) descending while the probability before them is under p, as routes rank-major, then by token.</summary>
    private static void WriteTopPRoutes(StringBuilder sb, RoutingExportLayer layer)
    {
        sb.Append("""

                def _routes(self, probs):
                    n, e = probs.shape

            """);
        sb.Append("        order = (probs + self.balance_bias).argsort(dim=1, descending=True)  # selection on p + b\n");
        sb.Append("""
                    ranked = probs.gather(1, order)
                    before = torch.cat([torch.zeros_like(ranked[:, :1]), ranked.cumsum(1)[:, :-1]], 1)  # p of ranks 0..r-1
                    take = (before < self.P) | (torch.arange(e, device=probs.device) == 0)
                    routes = take.t().reshape(-1).nonzero().squeeze(1)  # rank-major, then token
                    expert = order.t().reshape(-1).index_select(0, routes)
                    weight = ranked.t().reshape(-1).index_select(0, routes)  # p itself, not renormalised
                    token = torch.arange(n, dtype=torch.long, device=probs.device).repeat(e).index_select(0, routes)
                    capacity = min(n, max(1, math.floor(self.CAPACITY * expert.numel() / self.EXPERTS + 1e-9)))
                    return expert, token, weight, capacity

            """);
    }

    private static void WriteExperts(StringBuilder sb, RoutingExportLayer layer) => sb.Append("\n\nclass ").Append(layer.ExpertsClassName).Append(""""
        (nn.Module):
            """The experts Linear(d, h) -> GELU -> Linear(h, d) stacked: w1 (E, d, h), b1 (E, h), w2 (E, h, d), b2 (E, d)."""

            def __init__(self, experts, features, hidden):
                super().__init__()
                b1, b2 = 1.0 / math.sqrt(features), 1.0 / math.sqrt(hidden)
                self.w1 = nn.Parameter(torch.empty(experts, features, hidden).uniform_(-b1, b1))
                self.b1 = nn.Parameter(torch.empty(experts, hidden).uniform_(-b1, b1))
                self.w2 = nn.Parameter(torch.empty(experts, hidden, features).uniform_(-b2, b2))
                self.b2 = nn.Parameter(torch.empty(experts, features).uniform_(-b2, b2))

            def forward(self, buckets):
                """Expert e on row block e: (E, C, d) -> (E, C, d)."""
                h = F.gelu(torch.bmm(buckets, self.w1) + self.b1.unsqueeze(1))
                return torch.bmm(h, self.w2) + self.b2.unsqueeze(1)

        """");

    private static void WriteTemperature(StringBuilder sb, RoutingGenome g)
    {
        sb.Append("\n    def temperature(self):\n");
        if (g.Schedule is not { } s)
        {
            sb.Append("        return self.TAU\n");
            return;
        }
        sb.Append("        t = min(max(self.step, 0) / self.STEPS, 1.0)\n");
        sb.Append(s.Kind switch
        {
            ScheduleKind.Linear => "        return self.TAU_START + (self.TAU_END - self.TAU_START) * t\n",
            ScheduleKind.Cosine => "        return self.TAU_END + (self.TAU_START - self.TAU_END) * (1 + math.cos(math.pi * t)) / 2\n",
            ScheduleKind.Exp => "        return self.TAU_START * math.pow(self.TAU_END / self.TAU_START, t)\n",
            _ => throw new ArgumentOutOfRangeException(nameof(g), s.Kind, "unknown schedule kind"),
        });
    }

    private static void WriteForward(StringBuilder sb, RoutingExportLayer layer)
    {
        var g = layer.Genome;
        sb.Append("""

                def forward(self, input):
                    if input.dim() < 2 or input.shape[-1] != self.features:
                        raise ValueError("a mixture-of-experts layer takes (..., %d) tensors, got %s" % (self.features, list(input.shape)))
                    x = input.reshape(-1, self.features)
                    logits = F.linear(x, self.router_weight)

            """);
        string scores = "logits";
        if (layer.HasNoise)
        {
            sb.Append("        scores = logits\n        if self.training:\n")
              .Append("            scores = logits + torch.randn_like(logits) * F.softplus(F.linear(x, self.noise_weight))\n");
            scores = "scores";
        }
        else if (g.Activation is { } act) scores = Activation(act, "logits");
        sb.Append("        probs = torch.softmax(").Append(scores).Append(" / self.temperature(), dim=1)\n");
        if (layer.Selection == RoutingSelection.ExpertChoice)
            sb.Append("        output = self._expert_choice(x, probs)\n        self.load_balance = None\n");
        else
            sb.Append("        expert, token, weight, capacity = self._routes(probs)\n")
              .Append("        output = self._dispatch(x, expert, token, weight, capacity)\n")
              .Append("        # Switch load balance: E sum_i f_i P_i, f_i the share of routes (before drops) choosing expert i.\n")
              .Append("        counts = torch.zeros(self.EXPERTS, dtype=probs.dtype, device=probs.device).index_add(\n")
              .Append("            0, expert, torch.ones(expert.numel(), dtype=probs.dtype, device=probs.device))\n")
              .Append("        load_balance = (counts / expert.numel() * probs.mean(0)).sum() * self.EXPERTS\n")
              .Append("        self.load_balance = load_balance\n")
              .Append("        if self.training:  # what update_bias() counts\n")
              .Append("            self.training_choices = torch.zeros(self.EXPERTS, dtype=torch.long, device=x.device).index_add(\n")
              .Append("                0, expert, torch.ones_like(expert))\n");
        // Locals for the loss terms: torch.jit.script does not narrow Optional attributes to Tensor.
        sb.Append("        z_loss = torch.logsumexp(logits, 1).square().mean()\n        self.z_loss = z_loss\n");
        bool lb = layer.Selection != RoutingSelection.ExpertChoice && (g.LoadBalance ?? 0) > 0, z = g.ZLoss > 0; // expert choice has no lb
        sb.Append("        self.aux_loss = ").Append((lb, z) switch
        {
            (true, true) => "load_balance * self.LB + z_loss * self.ZLOSS",
            (true, false) => "load_balance * self.LB",
            (false, true) => "z_loss * self.ZLOSS",
            _ => "None",
        }).Append('\n');
        sb.Append("        return output.reshape(input.shape)\n");
    }

    /// <summary>Each token's top k experts as routes in queue order: choice-major, then by token.</summary>
    private static void WriteTopKRoutes(StringBuilder sb, RoutingExportLayer layer)
    {
        sb.Append("""

                def _routes(self, probs):
                    n = probs.shape[0]

            """);
        sb.Append("        chosen = (probs + self.balance_bias).topk(self.K, dim=1)[1]  # selection on p + b\n        top = probs.gather(1, chosen)\n");
        sb.Append(layer.Genome.K == 1
            ? "        weights = top  # k = 1 keeps p (Switch)\n"
            : "        weights = top / top.sum(1, keepdim=True)  # renormalised over the chosen k\n");
        sb.Append("""
                    capacity = min(n, max(1, math.floor(self.CAPACITY * n * self.K / self.EXPERTS + 1e-9)))
                    expert = chosen.t().reshape(-1)
                    weight = weights.t().reshape(-1)
                    token = torch.arange(n, dtype=torch.long, device=probs.device).repeat(self.K)
                    return expert, token, weight, capacity

            """);
    }

    /// <summary>Routes (expert, token, weight) in queue order; a route past its expert's capacity is dropped.</summary>
    private static void WriteDispatch(StringBuilder sb) => sb.Append("""

            def _dispatch(self, x, expert, token, weight, capacity: int):
                n, d = x.shape
                e = self.EXPERTS
                onehot = F.one_hot(expert, e)
                position = onehot.cumsum(0).gather(1, expert.unsqueeze(1)).squeeze(1) - 1  # place in its expert's queue
                kept = position < capacity
                keep = kept.nonzero().squeeze(1)
                kept_expert = expert.index_select(0, keep)
                kept_token = token.index_select(0, keep)
                slot = kept_expert * capacity + position.index_select(0, keep)  # row in the (E C, d) buckets
                buckets = torch.zeros(e * capacity, d, dtype=x.dtype, device=x.device).index_add(0, slot, x.index_select(0, kept_token))
                y = self.experts(buckets.view(e, capacity, d)).view(e * capacity, d)
                mixed = y.index_select(0, slot) * weight.index_select(0, keep).unsqueeze(1)
                output = torch.zeros(n, d, dtype=x.dtype, device=x.device).index_add(0, kept_token, mixed)
                self.load = torch.zeros(e, dtype=torch.long, device=x.device).index_add(0, kept_expert, torch.ones_like(kept_expert))
                self.dropped_routes = kept.logical_not().sum()
                kept_per_token = torch.zeros(n, dtype=torch.long, device=x.device).index_add(0, token, kept.long())
                self.dropped_tokens = kept_per_token.eq(0).sum()
                return output

        """);

    /// <summary>Each expert takes its C tokens of highest probability (Zhou 2022).</summary>
    private static void WriteExpertChoice(StringBuilder sb) => sb.Append("""

            def _expert_choice(self, x, probs):
                n, d = x.shape
                e = self.EXPERTS
                capacity = min(n, max(1, math.floor(self.CAPACITY * n * 1 / e + 1e-9)))
                scores, tokens = probs.topk(capacity, dim=0)  # (C, E) each
                token = tokens.t().reshape(-1)  # expert-major
                y = self.experts(x.index_select(0, token).view(e, capacity, d)).view(e * capacity, d)
                mixed = y * scores.t().reshape(-1, 1)
                output = torch.zeros(n, d, dtype=x.dtype, device=x.device).index_add(0, token, mixed)
                self.load = torch.full((e,), capacity, dtype=torch.long, device=x.device)
                taken = torch.zeros(n, dtype=torch.long, device=x.device).index_add(0, token, torch.ones_like(token))
                self.dropped_routes = torch.zeros((), dtype=torch.long, device=x.device)
                self.dropped_tokens = taken.eq(0).sum()
                return output

        """);

    private static string Activation(GateActivation act, string a) => act switch
    {
        GateActivation.Relu => $"torch.relu({a})",
        GateActivation.Gelu => $"F.gelu({a})",
        GateActivation.Silu => $"F.silu({a})",
        GateActivation.Tanh => $"torch.tanh({a})",
        GateActivation.Sigmoid => $"torch.sigmoid({a})",
        GateActivation.Softplus => $"F.softplus({a})",
        GateActivation.Elu => $"F.elu({a}, alpha=1.0)",
        GateActivation.LeakyRelu => $"F.leaky_relu({a}, negative_slope=0.01)",
        _ => throw new ArgumentOutOfRangeException(nameof(act), act, null),
    };
}
