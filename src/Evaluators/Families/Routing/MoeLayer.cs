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
/// token choice through <see cref="TokenChoiceDispatch"/>, expert choice through
/// <see cref="ExpertChoiceDispatch"/>. The auxiliary loss is lb * load balance + zloss * z-loss
/// (<see cref="RoutingLosses"/>). Conventions in this folder's README.md.
/// </summary>
public sealed class MoeLayer : nn.Module<Tensor, Tensor>, IAuxiliaryLoss, IStepAware
{
    private readonly ExpertBank experts;
    private Tensor? _load, _droppedRoutes, _droppedTokens;

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
    }

    public RoutingGenome Genome { get; }
    public int Features { get; }
    public ExpertBank Experts => experts;
    public Tensor RouterWeight => Get("router_weight");

    /// <summary>The training step last given to <see cref="BeforeStep"/> (0 before any).</summary>
    public int Step { get; private set; }

    /// <summary>The gate's softmax temperature now (dense-to-sparse: its schedule at <see cref="Step"/>).</summary>
    public double Temperature => GateTemperature.At(Genome, Step);

    /// <summary>lb * load balance + zloss * z-loss of the last forward; null where both weights are 0.</summary>
    public Tensor? AuxiliaryLoss { get; private set; }

    /// <summary>The unweighted load-balance term of the last forward (null for expert choice).</summary>
    public Tensor? LoadBalanceTerm { get; private set; }

    /// <summary>The unweighted router z-loss of the last forward.</summary>
    public Tensor? ZLossTerm { get; private set; }

    /// <summary>Routes each expert ran in the last forward.</summary>
    public long[] ExpertLoad => _load?.cpu().data<long>().ToArray() ?? [];

    /// <summary>Token-expert routes dropped past capacity in the last forward (0 for expert choice).</summary>
    public long DroppedRoutes => _droppedRoutes?.item<long>() ?? 0;

    /// <summary>Tokens no expert ran in the last forward (token choice: all k routes dropped; expert choice: chosen by none).</summary>
    public long DroppedTokens => _droppedTokens?.item<long>() ?? 0;

    public void BeforeStep(TrainingStep step) => Step = step.Step;

    public override Tensor forward(Tensor input)
    {
        if (input.dim() < 2 || input.shape[^1] != Features)
            throw new ArgumentException($"a mixture-of-experts layer takes (..., {Features}) tensors, got [{string.Join(",", input.shape)}]");
        using var scope = NewDisposeScope();
        var x = input.dim() == 2 ? input : input.reshape(-1, Features);
        var logits = nn.functional.linear(x, RouterWeight);
        var noise = Genome.Gate == GateType.NoisyTopK ? nn.functional.linear(x, Get("noise_weight")) : null;
        var p = GateScores.Probabilities(Genome, logits, noise, Temperature, training);

        RoutingResult routed;
        Tensor? balance = null;
        if (Genome.Gate == GateType.ExpertChoice)
            routed = ExpertChoiceDispatch.Run(x, p, experts, Genome.Capacity);
        else
        {
            var (top, chosen) = p.topk(Genome.K!.Value, dim: 1);
            routed = TokenChoiceDispatch.Run(x, chosen, top, experts, Genome.Capacity);
            balance = RoutingLosses.LoadBalance(p, chosen);
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
        LoadBalanceTerm = balance?.MoveToOuterDisposeScope();
        ZLossTerm = z.MoveToOuterDisposeScope();
        AuxiliaryLoss = aux?.MoveToOuterDisposeScope();
        var output = input.dim() == 2 ? routed.Output : routed.Output.reshape(input.shape);
        return output.MoveToOuterDisposeScope();
    }

    /// <summary>Owns a counter past the forward's scope, disposing the last one.</summary>
    private static void Keep(ref Tensor? field, Tensor value)
    {
        field?.Dispose();
        field = value.detach().DetachFromDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _load?.Dispose();
            _droppedRoutes?.Dispose();
            _droppedTokens?.Dispose();
            (_load, _droppedRoutes, _droppedTokens) = (null, null, null);
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
