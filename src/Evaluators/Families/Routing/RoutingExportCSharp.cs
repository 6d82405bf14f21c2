using System.Text;
using Evaluators.Export;
using Search.Genomes.Routing;

namespace Evaluators.Families.Routing;

/// <summary>
/// The layer as TorchSharp: a module for the stacked experts (registered as <c>experts</c>, parameters
/// w1/b1/w2/b2) and the layer class <c>(features, hidden)</c> with the genome baked in, written with the
/// calls <see cref="MoeLayer"/>, <see cref="GateScores"/>, <see cref="TokenChoiceDispatch"/>,
/// <see cref="ExpertChoiceDispatch"/> and <see cref="RoutingLosses"/> make, so it computes the same
/// forward, counters and loss terms and loads the same state_dict. No nullable annotations: the file is
/// marked auto-generated, which turns them off.
/// </summary>
public static class RoutingExportCSharp
{
    public static void Write(StringBuilder sb, RoutingExportLayer layer)
    {
        var g = layer.Genome;
        string name = layer.ClassName;
        sb.Append("/// <remarks>Mixture-of-experts layer: ").Append(g.Experts)
          .Append(" experts Linear(features, hidden) -> GELU -> Linear(hidden, features); parameter names are the search's MoeLayer's, so its state_dict loads as is.</remarks>\n")
          .Append("public sealed class ").Append(name).Append(" : nn.Module<Tensor, Tensor>\n{\n")
          .Append("    public const string Genome = ").Append(Literals.QuotedString(g.Text)).Append(";\n")
          .Append("    private const int experts_ = ").Append(g.Experts).Append(";\n");
        if (layer.Selection == RoutingSelection.TopK) sb.Append("    private const int k_ = ").Append(g.K!.Value).Append(";\n");
        if (layer.TopP is { } topP) sb.Append("    private const double p_ = ").Append(Literals.CSharp(topP)).Append(";\n");
        if (layer.BiasRate is { } rate) sb.Append("    private const double biasRate_ = ").Append(Literals.CSharp(rate)).Append(";\n");
        sb.Append("    private const double capacity_ = ").Append(Literals.CSharp(g.Capacity)).Append(";\n");
        if ((g.LoadBalance ?? 0) > 0) sb.Append("    private const double lb_ = ").Append(Literals.CSharp(g.LoadBalance!.Value)).Append(";\n");
        if (g.ZLoss > 0) sb.Append("    private const double zloss_ = ").Append(Literals.CSharp(g.ZLoss)).Append(";\n");
        if (g.Schedule is { } s)
            sb.Append("    private const double tauStart_ = ").Append(Literals.CSharp(s.Start)).Append(", tauEnd_ = ").Append(Literals.CSharp(s.End)).Append(";\n")
              .Append("    private const int steps_ = ").Append(s.Steps).Append(";\n");
        sb.Append("\n    private readonly long features_;\n    private readonly ").Append(layer.ExpertsClassName).Append(" experts_bank_;\n")
          .Append("    private Tensor load_, droppedRoutes_, droppedTokens_;\n")
          .Append(layer.HasBias ? "    private Tensor trainingChoices_; // routes chosen per expert in the last training forward, before capacity\n\n" : "\n")
          .Append("    public ").Append(name).Append("(long features, long hidden) : base(").Append(Literals.QuotedString(name)).Append(")\n    {\n")
          .Append("        features_ = features;\n        using var scope = NewDisposeScope();\n")
          .Append("        experts_bank_ = new ").Append(layer.ExpertsClassName).Append("(experts_, features, hidden);\n")
          .Append("        register_module(\"experts\", experts_bank_);\n")
          .Append("        double bound = 1.0 / Math.Sqrt(features);\n")
          .Append("        Add(\"router_weight\", empty(experts_, features).uniform_(-bound, bound));\n");
        if (layer.HasNoise)
            sb.Append("        Add(\"noise_weight\", zeros(experts_, features));\n");
        if (layer.HasBias) // every token-choice layer has it (also at u = 0), as the search's MoeLayer
            sb.Append("        register_buffer(\"balance_bias\", zeros(experts_).DetachFromDisposeScope());\n");
        sb.Append("    }\n\n");

        if (g.Schedule is { } sched)
            sb.Append("    /// <summary>The training step the temperature schedule is read at (default: its end, tau_end).</summary>\n")
              .Append("    public int Step { get; set; } = steps_;\n\n")
              .Append("    /// <summary>The gate's softmax temperature at <see cref=\"Step\"/>.</summary>\n")
              .Append("    public double Temperature\n    {\n        get\n        {\n")
              .Append("            double t = Math.Clamp((double)Math.Max(Step, 0) / steps_, 0.0, 1.0);\n")
              .Append("            return ").Append(sched.Kind switch
              {
                  ScheduleKind.Linear => "tauStart_ + (tauEnd_ - tauStart_) * t",
                  ScheduleKind.Cosine => "tauEnd_ + (tauStart_ - tauEnd_) * (1 + Math.Cos(Math.PI * t)) / 2",
                  ScheduleKind.Exp => "tauStart_ * Math.Pow(tauEnd_ / tauStart_, t)",
                  _ => throw new ArgumentOutOfRangeException(nameof(layer), sched.Kind, "unknown schedule kind"),
              }).Append(";\n        }\n    }\n\n");
        else
            sb.Append("    /// <summary>The gate's softmax temperature.</summary>\n")
              .Append("    public double Temperature => ").Append(Literals.CSharp(g.Temperature ?? 1.0)).Append(";\n\n");

        sb.Append("""
                /// <summary>lb * load balance + zloss * z-loss of the last forward; null where both weights are 0.</summary>
                public Tensor AuxiliaryLoss { get; private set; }

                /// <summary>The unweighted load-balance term of the last forward (null for expert choice).</summary>
                public Tensor LoadBalanceTerm { get; private set; }

                /// <summary>The unweighted router z-loss of the last forward.</summary>
                public Tensor ZLossTerm { get; private set; }

                /// <summary>Routes each expert ran in the last forward.</summary>
                public long[] ExpertLoad => load_ is null ? new long[0] : load_.cpu().data<long>().ToArray();

                /// <summary>Token-expert routes dropped past capacity in the last forward (0 for expert choice).</summary>
                public long DroppedRoutes => droppedRoutes_ is null ? 0 : droppedRoutes_.item<long>();

                /// <summary>Tokens no expert ran in the last forward.</summary>
                public long DroppedTokens => droppedTokens_ is null ? 0 : droppedTokens_.item<long>();

                public override Tensor forward(Tensor input)
                {
                    if (input.dim() < 2 || input.shape[input.shape.Length - 1] != features_)
                        throw new ArgumentException($"a mixture-of-experts layer takes (..., {features_}) tensors, got [{string.Join(",", input.shape)}]");
                    using var scope = NewDisposeScope();
                    var x = input.dim() == 2 ? input : input.reshape(-1, features_);
                    var logits = nn.functional.linear(x, get_parameter("router_weight"));

            """);
        string scores = "logits";
        if (layer.HasNoise)
            scores = "(training ? logits.add(randn_like(logits).mul(nn.functional.softplus(nn.functional.linear(x, get_parameter(\"noise_weight\"))))) : logits)";
        else if (g.Activation is { } act) scores = Activation(act, "logits");
        sb.Append("        var p = softmax(").Append(scores).Append(".div(Temperature), 1);\n");
        if (layer.Selection == RoutingSelection.ExpertChoice)
            sb.Append("        var output = ExpertChoice(x, p);\n        Tensor balance = null;\n");
        else
            sb.Append("        var (expert, token, weight, capacity) = Routes(p);\n")
              .Append("        var output = Dispatch(x, expert, token, weight, capacity);\n")
              .Append("        // Switch load balance: E sum_i f_i P_i, f_i the share of routes (before drops) choosing expert i.\n")
              .Append("        var counts = zeros(experts_, dtype: p.dtype, device: p.device).index_add(0, expert, ones(expert.numel(), dtype: p.dtype, device: p.device), 1);\n")
              .Append("        var balance = counts.div(expert.numel()).mul(p.mean(new long[] { 0 })).sum().mul(experts_);\n")
              .Append("        if (training) // what UpdateBias() counts\n")
              .Append("            Keep(ref trainingChoices_, zeros(experts_, dtype: int64, device: p.device).index_add(0, expert, ones_like(expert), 1));\n");
        sb.Append("        var z = logits.logsumexp(1).square().mean();\n");
        bool lb = (g.LoadBalance ?? 0) > 0, zw = g.ZLoss > 0;
        sb.Append("        var aux = ").Append((lb, zw) switch
        {
            (true, true) => "balance.mul(lb_).add(z.mul(zloss_))",
            (true, false) => "balance.mul(lb_)",
            (false, true) => "z.mul(zloss_)",
            _ => "(Tensor)null",
        }).Append(";\n");
        sb.Append("""
                    LoadBalanceTerm = balance?.MoveToOuterDisposeScope();
                    ZLossTerm = z.MoveToOuterDisposeScope();
                    AuxiliaryLoss = aux?.MoveToOuterDisposeScope();
                    var result = input.dim() == 2 ? output : output.reshape(input.shape);
                    return result.MoveToOuterDisposeScope();
                }

            """);
        if (layer.Selection == RoutingSelection.ExpertChoice) WriteExpertChoice(sb);
        else
        {
            if (layer.Selection == RoutingSelection.TopP) WriteTopPRoutes(sb, layer);
            else WriteTopKRoutes(sb, layer);
            WriteDispatch(sb);
        }
        if (layer.HasBias) WriteUpdateBias(sb, layer.BiasRate > 0);
        string disposeChoices = layer.HasBias ? "            trainingChoices_?.Dispose();\n            trainingChoices_ = null;\n" : "";
        sb.Append($$"""

                private void Add(string name, Tensor initial)
                {
                    var p = new Parameter(initial.DetachFromDisposeScope());
                    p.DetachFromDisposeScope();
                    register_parameter(name, p);
                }

                /// <summary>Disposes the counters of the last forward with the module.</summary>
                protected override void Dispose(bool disposing)
                {
                    if (disposing)
                    {
                        load_?.Dispose();
                        droppedRoutes_?.Dispose();
                        droppedTokens_?.Dispose();
                        load_ = droppedRoutes_ = droppedTokens_ = null;
            {{disposeChoices}}        }
                    base.Dispose(disposing);
                }

                /// <summary>Owns a counter past the forward's scope, disposing the last one.</summary>
                private static void Keep(ref Tensor field, Tensor value)
                {
                    field?.Dispose();
                    field = value.detach().DetachFromDisposeScope();
                }
            }

            """);
        WriteExperts(sb, layer);
    }

    /// <summary>UpdateBias(): with <paramref name="moves"/> (u &gt; 0) MoeLayer.AfterStep's update; at u = 0 it only drops the count.</summary>
    private static void WriteUpdateBias(StringBuilder sb, bool moves)
    {
        sb.Append("""

                /// <summary>
                /// Call after each training step (the search's MoeLayer.AfterStep): b_i += u sign(mean load - load_i), load_i the
                /// routes that chose expert i (before capacity) in the training forward since the last call; nothing when u = 0
                /// or no training forward came since.
                /// </summary>
                public void UpdateBias()
                {
                    var load = trainingChoices_;
                    trainingChoices_ = null;

            """);
        sb.Append(moves
            ? """
                      if (load is null) return;
                      using (load)
                      {
                          using var scope = NewDisposeScope();
                          using var noGrad = no_grad();
                          var bias = get_buffer("balance_bias");
                          var f = load.to(bias.dtype);
                          bias.add_(f.mean().sub(f).sign().mul(biasRate_));
                      }
                  }

              """
            : """
                      load?.Dispose(); // u = 0: the bias stays
                  }

              """);
    }

    private static void WriteTopPRoutes(StringBuilder sb, RoutingExportLayer layer)
    {
        sb.Append("""

                /// <summary>Each token's experts by p (+ b) descending while the probability before them is under p, as routes rank-major, then by token.</summary>
                private (Tensor Expert, Tensor Token, Tensor Weight, long Capacity) Routes(Tensor p)
                {
                    int n = (int)p.shape[0];

            """);
        sb.Append("        var order = p.detach().add(get_buffer(\"balance_bias\")).argsort(1, descending: true); // selection on p + b\n");
        sb.Append("""
                    var ranked = p.gather(1, order);
                    var before = cat(new[] { zeros_like(ranked.narrow(1, 0, 1)), ranked.cumsum(1).narrow(1, 0, experts_ - 1) }, 1); // p of ranks 0..r-1
                    var take = before.lt(p_).logical_or(arange(experts_, dtype: int64, device: p.device).eq(0));
                    var routes = take.t().reshape(-1).nonzero().squeeze(1); // rank-major, then token
                    var expert = order.t().reshape(-1).index_select(0, routes);
                    var weight = ranked.t().reshape(-1).index_select(0, routes); // p itself, not renormalised
                    var token = arange(n, dtype: int64, device: p.device).repeat(experts_).index_select(0, routes);
                    long capacity = Math.Min(n, Math.Max(1L, (long)Math.Floor(capacity_ * expert.numel() / experts_ + 1e-9)));
                    return (expert, token, weight, capacity);
                }

            """);
    }

    private static void WriteTopKRoutes(StringBuilder sb, RoutingExportLayer layer)
    {
        sb.Append("""

                /// <summary>Each token's top k experts as routes in queue order: choice-major, then by token.</summary>
                private (Tensor Expert, Tensor Token, Tensor Weight, long Capacity) Routes(Tensor p)
                {
                    int n = (int)p.shape[0];

            """);
        sb.Append("        var chosen = p.detach().add(get_buffer(\"balance_bias\")).topk(k_, dim: 1).indexes; // selection on p + b\n        var top = p.gather(1, chosen);\n");
        sb.Append(layer.Genome.K == 1
            ? "        var weights = top; // k = 1 keeps p (Switch)\n"
            : "        var weights = top.div(top.sum(1, keepdim: true)); // renormalised over the chosen k\n");
        sb.Append("""
                    long capacity = Math.Min(n, Math.Max(1L, (long)Math.Floor(capacity_ * n * k_ / experts_ + 1e-9)));
                    var expert = chosen.t().reshape(-1);
                    var weight = weights.t().reshape(-1);
                    var token = arange(n, dtype: int64, device: p.device).repeat(k_);
                    return (expert, token, weight, capacity);
                }

            """);
    }

    private static void WriteDispatch(StringBuilder sb) => sb.Append("""

            /// <summary>Routes in queue order; a route past its expert's capacity is dropped.</summary>
            private Tensor Dispatch(Tensor x, Tensor expert, Tensor token, Tensor weight, long capacity)
            {
                var device = x.device;
                long n = x.shape[0], d = x.shape[1];
                var onehot = nn.functional.one_hot(expert, experts_);
                var position = onehot.cumsum(0).gather(1, expert.unsqueeze(1)).squeeze(1).sub(1); // place in its expert's queue
                var kept = position.lt(capacity);
                var keep = kept.nonzero().squeeze(1);
                var keptExpert = expert.index_select(0, keep);
                var keptToken = token.index_select(0, keep);
                var slot = keptExpert.mul(capacity).add(position.index_select(0, keep)); // row in the (E C, d) buckets
                var buckets = zeros(experts_ * capacity, d, dtype: x.dtype, device: device).index_add(0, slot, x.index_select(0, keptToken), 1);
                var y = experts_bank_.forward(buckets.view(experts_, capacity, d)).view(experts_ * capacity, d);
                var mixed = y.index_select(0, slot).mul(weight.index_select(0, keep).unsqueeze(1));
                var output = zeros(n, d, dtype: x.dtype, device: device).index_add(0, keptToken, mixed, 1);
                Keep(ref load_, zeros(experts_, dtype: int64, device: device).index_add(0, keptExpert, ones_like(keptExpert), 1));
                Keep(ref droppedRoutes_, kept.logical_not().sum());
                var keptPerToken = zeros(n, dtype: int64, device: device).index_add(0, token, kept.to(int64), 1);
                Keep(ref droppedTokens_, keptPerToken.eq(0).sum());
                return output;
            }

        """);

    private static void WriteExpertChoice(StringBuilder sb) => sb.Append("""

            /// <summary>Each expert takes its C tokens of highest probability (Zhou 2022).</summary>
            private Tensor ExpertChoice(Tensor x, Tensor p)
            {
                var device = x.device;
                int n = (int)x.shape[0];
                long d = x.shape[1];
                long capacity = Math.Min(n, Math.Max(1L, (long)Math.Floor(capacity_ * n * 1 / experts_ + 1e-9)));
                var (scores, tokens) = p.topk((int)capacity, dim: 0); // (C, E) each
                var token = tokens.t().reshape(-1);                     // expert-major
                var y = experts_bank_.forward(x.index_select(0, token).view(experts_, capacity, d)).view(experts_ * capacity, d);
                var mixed = y.mul(scores.t().reshape(-1, 1));
                var output = zeros(n, d, dtype: x.dtype, device: device).index_add(0, token, mixed, 1);
                Keep(ref load_, full(experts_, capacity, dtype: int64, device: device));
                var taken = zeros(n, dtype: int64, device: device).index_add(0, token, ones(token.numel(), dtype: int64, device: device), 1);
                Keep(ref droppedTokens_, taken.eq(0).sum());
                Keep(ref droppedRoutes_, zeros(new long[0], dtype: int64, device: device));
                return output;
            }

        """);

    private static void WriteExperts(StringBuilder sb, RoutingExportLayer layer)
    {
        string name = layer.ExpertsClassName;
        sb.Append("\n/// <summary>The experts of <see cref=\"").Append(layer.ClassName)
          .Append("\"/>: Linear(d, h) -> GELU -> Linear(h, d) stacked, w1 (E, d, h), b1 (E, h), w2 (E, h, d), b2 (E, d).</summary>\n")
          .Append("public sealed class ").Append(name).Append(" : nn.Module<Tensor, Tensor>\n{\n")
          .Append("    public ").Append(name).Append("(long experts, long features, long hidden) : base(\"experts\")\n");
        sb.Append("""
                {
                    using var scope = NewDisposeScope();
                    double b1 = 1.0 / Math.Sqrt(features), b2 = 1.0 / Math.Sqrt(hidden);
                    Add("w1", empty(experts, features, hidden).uniform_(-b1, b1));
                    Add("b1", empty(experts, hidden).uniform_(-b1, b1));
                    Add("w2", empty(experts, hidden, features).uniform_(-b2, b2));
                    Add("b2", empty(experts, features).uniform_(-b2, b2));
                }

                /// <summary>Runs expert e on row block e: (E, C, d) -> (E, C, d).</summary>
                public override Tensor forward(Tensor buckets)
                {
                    using var scope = NewDisposeScope();
                    var h = nn.functional.gelu(buckets.bmm(get_parameter("w1")).add(get_parameter("b1").unsqueeze(1)));
                    return h.bmm(get_parameter("w2")).add(get_parameter("b2").unsqueeze(1)).MoveToOuterDisposeScope();
                }

                private void Add(string name, Tensor initial)
                {
                    var p = new Parameter(initial.DetachFromDisposeScope());
                    p.DetachFromDisposeScope();
                    register_parameter(name, p);
                }
            }

            """);
    }

    private static string Activation(GateActivation act, string a) => act switch
    {
        GateActivation.Relu => $"nn.functional.relu({a})",
        GateActivation.Gelu => $"nn.functional.gelu({a})",
        GateActivation.Silu => $"nn.functional.silu({a})",
        GateActivation.Tanh => $"{a}.tanh()",
        GateActivation.Sigmoid => $"{a}.sigmoid()",
        GateActivation.Softplus => $"nn.functional.softplus({a})",
        GateActivation.Elu => $"nn.functional.elu({a}, 1.0)",
        GateActivation.LeakyRelu => $"nn.functional.leaky_relu({a}, 0.01)",
        _ => throw new ArgumentOutOfRangeException(nameof(act), act, null),
    };
}
