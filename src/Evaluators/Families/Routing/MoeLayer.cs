using Evaluators.Slots;
using Search.Genomes.Routing;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Evaluators.Families.Routing;

/// <summary>
/// A mixture-of-experts feed-forward layer (N, d) -> (N, d) compiled from a routing genome (leading
/// dimensions beyond one are flattened into N and restored). Router logits l = x W_r^T (router_weight
/// (E, d), no bias); the genome's gate turns them into probabilities (<see cref="GateScores"/>) and
/// routes tokens to E experts Linear(d, h) -> GELU -> Linear(h, d) run batched (<see cref="ExpertBank"/>):
/// token choice (top-k or top-p, <see cref="TopPSelection"/>) through <see cref="TokenChoiceDispatch"/>,
/// expert choice through <see cref="ExpertChoiceDispatch"/>. Token-choice gates select on p + b with
/// b the buffer balance_bias (auxiliary-loss-free balancing, Wang et al. 2024, moved in
/// <see cref="AfterStep"/>); the gate weights come from p alone. The auxiliary loss is
/// lb * load balance + zloss * z-loss (<see cref="RoutingLosses"/>). Conventions in this folder's README.md.
/// </summary>
public sealed class MoeLayer : nn.Module<Tensor, Tensor>, IAuxiliaryLoss, IStepAware, IMeasuredSlot
{
    private readonly ExpertBank experts;
    private Tensor? _load, _droppedRoutes, _droppedTokens;
    private Tensor? _trainingChoices;           // routes chosen per expert (E) in the last training forward, before capacity
    private Tensor? _measuredLoad, _measuredDropped; // sums since ResetMeasures: routes run per expert (E), tokens dropped
    private long _measuredTokens;

    public MoeLayer(RoutingGenome genome, int features, int hidden) : base("moe_layer")
    {
        ArgumentNullException.ThrowIfNull(genome);
        Genome = genome;
        Features = features;
        experts = new ExpertBank(genome.Experts, features, hidden);
        register_module("experts", experts);
        using var scope = NewDisposeScope();
        double bound = 1.0 / Math.Sqrt(features);
        Add("router_weight", empty(genome.Experts, features).uniform_(-bound, bound));
        // Shazeer 2017 starts the noise projection at zero: noise of scale softplus(0) = 0.69 at first.
        if (genome.Gate == GateType.NoisyTopK) Add("noise_weight", zeros(genome.Experts, features));
        // Every token-choice gate has the buffer, also at bias=0, so their state_dicts have the same keys.
        if (genome.Gate != GateType.ExpertChoice) register_buffer("balance_bias", zeros(genome.Experts).DetachFromDisposeScope());
    }

    public RoutingGenome Genome { get; }
    public int Features { get; }
    public ExpertBank Experts => experts;
    public Tensor RouterWeight => Get("router_weight");

    /// <summary>The balancing bias b (E) added to the selection scores; null for expert choice.</summary>
    public Tensor? BalanceBias => get_buffer("balance_bias");

    /// <summary>The training step last given to <see cref="BeforeStep"/> (0 before any).</summary>
    public int Step { get; private set; }

    /// <summary>The gate's softmax temperature now (dense-to-sparse: its schedule at <see cref="Step"/>).</summary>
    public double Temperature => GateTemperature.At(Genome, Step);

    // The loss terms of the last forward are owned by the layer until the next forward (or Dispose): an
    // enclosing module's forward may close its own dispose scope before the trainer reads them.
    private Tensor? _auxiliary, _loadBalanceTerm, _zLossTerm;

    /// <summary>lb * load balance + zloss * z-loss of the last forward; null where both weights are 0.</summary>
    public Tensor? AuxiliaryLoss => _auxiliary;

    /// <summary>The unweighted load-balance term of the last forward (null for expert choice).</summary>
    public Tensor? LoadBalanceTerm => _loadBalanceTerm;

    /// <summary>The unweighted router z-loss of the last forward.</summary>
    public Tensor? ZLossTerm => _zLossTerm;

    /// <summary>Routes each expert ran in the last forward.</summary>
    public long[] ExpertLoad => _load?.cpu().data<long>().ToArray() ?? [];

    /// <summary>Token-expert routes dropped past capacity in the last forward (0 for expert choice).</summary>
    public long DroppedRoutes => _droppedRoutes?.item<long>() ?? 0;

    /// <summary>Tokens no expert ran in the last forward (token choice: all k routes dropped; expert choice: chosen by none).</summary>
    public long DroppedTokens => _droppedTokens?.item<long>() ?? 0;

    public void BeforeStep(TrainingStep step) => Step = step.Step;

    /// <summary>
    /// Auxiliary-loss-free balancing: with u = the genome's bias &gt; 0, b_i += u * sign(mean load - load_i),
    /// load_i the routes that chose expert i (before capacity) in the training forward since the last
    /// step. Nothing when u = 0, for expert choice, or when no training forward came since the last step.
    /// </summary>
    public void AfterStep(TrainingStep step)
    {
        if (_trainingChoices is not { } load) return;
        _trainingChoices = null;
        using (load)
        {
            if (Genome.BiasRate is not ({ } u and > 0)) return;
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var bias = BalanceBias!;
            var f = load.to(bias.dtype);
            bias.add_(f.mean().sub(f).sign().mul(u));
        }
    }

    /// <summary>
    /// Over every forward since <see cref="ResetMeasures"/> (on the device, read here): <c>load_cv</c>
    /// (population std / mean of the routes each expert ran), <c>max_vio</c> ((max - mean) / mean of
    /// that load), <c>dropped_fraction</c> (tokens no expert ran / tokens) and <c>active_experts</c>
    /// (routes run / tokens), and the load profile (<see cref="LoadProfile"/>: each expert's share of the
    /// routes, busiest first). Empty before any forward.
    /// </summary>
    public IReadOnlyDictionary<string, double> Measures
    {
        get
        {
            if (_measuredTokens == 0 || _measuredLoad is null || _measuredDropped is null) return new Dictionary<string, double>();
            using var scope = NewDisposeScope(); // the host copy
            var load = _measuredLoad.cpu().data<long>().Select(v => (double)v).ToArray();
            double mean = load.Average();
            double std = Math.Sqrt(load.Sum(v => (v - mean) * (v - mean)) / load.Length);
            var measures = new Dictionary<string, double>
            {
                ["load_cv"] = mean > 0 ? std / mean : 0,
                ["max_vio"] = mean > 0 ? (load.Max() - mean) / mean : 0,
                ["dropped_fraction"] = (double)_measuredDropped.item<long>() / _measuredTokens,
                ["active_experts"] = load.Sum() / _measuredTokens,
            };
            foreach (var (key, share) in LoadProfile.Of(load)) measures[key] = share;
            return measures;
        }
    }

    public void ResetMeasures()
    {
        _measuredLoad?.Dispose();
        _measuredDropped?.Dispose();
        (_measuredLoad, _measuredDropped, _measuredTokens) = (null, null, 0);
    }

    public override Tensor forward(Tensor input)
    {
        if (input.dim() < 2 || input.shape[^1] != Features)
            throw new ArgumentException($"a mixture-of-experts layer takes (..., {Features}) tensors, got [{string.Join(",", input.shape)}]");
        using var scope = NewDisposeScope();
        var x = input.dim() == 2 ? input : input.reshape(-1, Features);
        var logits = nn.functional.linear(x, RouterWeight);
        var noise = Genome.Gate == GateType.NoisyTopK ? nn.functional.linear(x, Get("noise_weight")) : null;
        var p = GateScores.Probabilities(Genome, logits, noise, Temperature, training);

        int n = (int)x.shape[0];
        RoutingResult routed;
        Tensor? balance = null;
        if (Genome.Gate == GateType.ExpertChoice)
            routed = ExpertChoiceDispatch.Run(x, p, experts, Genome.Capacity);
        else
        {
            // Selection on p + b; the weights, the losses and their gradients see p only.
            var selection = p.detach().add(BalanceBias!);
            Tensor chosenExperts; // before capacity: what the balancing bias counts
            if (Genome.TopP is { } threshold)
            {
                var routes = TopPSelection.Routes(p, selection, threshold);
                long capacity = TokenChoiceDispatch.CapacityOfRoutes(n, routes.Expert.shape[0], experts.Experts, Genome.Capacity);
                routed = TokenChoiceDispatch.Run(x, routes, experts, capacity);
                balance = RoutingLosses.LoadBalance(p, routes.Expert);
                chosenExperts = routes.Expert;
            }
            else
            {
                var chosen = selection.topk(Genome.K!.Value, dim: 1).indexes;
                routed = TokenChoiceDispatch.Run(x, chosen, p.gather(1, chosen), experts, Genome.Capacity);
                balance = RoutingLosses.LoadBalance(p, chosen);
                chosenExperts = chosen;
            }
            if (training)
            {
                _trainingChoices?.Dispose();
                _trainingChoices = zeros(experts.Experts, dtype: int64, device: x.device)
                    .index_add(0, chosenExperts.reshape(-1), ones(chosenExperts.numel(), dtype: int64, device: x.device), 1)
                    .DetachFromDisposeScope();
            }
        }
        var z = RoutingLosses.ZLoss(logits);
        double lb = Genome.LoadBalance ?? 0, zw = Genome.ZLoss;
        Tensor? aux = (lb > 0, zw > 0) switch
        {
            (true, true) => balance!.mul(lb).add(z.mul(zw)),
            (true, false) => balance!.mul(lb),
            (false, true) => z.mul(zw),
            _ => null,
        };

        Keep(ref _load, routed.Load);
        Keep(ref _droppedRoutes, routed.DroppedRoutes);
        Keep(ref _droppedTokens, routed.DroppedTokens);
        Accumulate(ref _measuredLoad, routed.Load);
        Accumulate(ref _measuredDropped, routed.DroppedTokens);
        _measuredTokens += n;
        Own(ref _loadBalanceTerm, balance);
        Own(ref _zLossTerm, z);
        Own(ref _auxiliary, aux);
        var output = input.dim() == 2 ? routed.Output : routed.Output.reshape(input.shape);
        return output.MoveToOuterDisposeScope();
    }

    /// <summary>Owns a counter past the forward's scope, disposing the last one.</summary>
    private static void Keep(ref Tensor? field, Tensor value)
    {
        field?.Dispose();
        field = value.detach().DetachFromDisposeScope();
    }

    /// <summary>Owns a loss term (graph kept, so the trainer can backpropagate it), disposing the last one.</summary>
    private static void Own(ref Tensor? field, Tensor? value)
    {
        field?.Dispose();
        field = value?.DetachFromDisposeScope();
    }

    /// <summary>Adds a counter to a running sum the layer owns (no copy to the CPU).</summary>
    private static void Accumulate(ref Tensor? sum, Tensor value)
    {
        if (sum is null) sum = value.detach().clone().DetachFromDisposeScope();
        else sum.add_(value);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ResetMeasures();
            _trainingChoices?.Dispose();
            _trainingChoices = null;
            _load?.Dispose();
            _droppedRoutes?.Dispose();
            _droppedTokens?.Dispose();
            (_load, _droppedRoutes, _droppedTokens) = (null, null, null);
            Own(ref _auxiliary, null);
            Own(ref _loadBalanceTerm, null);
            Own(ref _zLossTerm, null);
        }
        base.Dispose(disposing);
    }

    private void Add(string name, Tensor initial)
    {
        var p = new Parameter(initial.DetachFromDisposeScope());
        p.DetachFromDisposeScope();
        register_parameter(name, p);
    }

    private Tensor Get(string name) => get_parameter(name) ?? throw new InvalidOperationException($"mixture-of-experts layer has no parameter '{name}'");
}
