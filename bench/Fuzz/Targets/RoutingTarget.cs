using Search.Genomes.Routing;

namespace Bench.Fuzz.Targets;

/// <summary>The routing policy parser (key=value pairs), in the default (widest) routing space.</summary>
public sealed class RoutingTarget() : GenomeTextTarget<RoutingGenome>(new RoutingFamily(new RoutingSpace()), "routing",
[
    " ", "=", "gate=", "experts=", "k=", "p=", "tau=", "tau_start=", "tau_end=", "schedule=", "steps=", "act=",
    "lb=", "capacity=", "zloss=", "bias=", "softmax_topk", "noisy_topk", "dense_to_sparse", "act_softmax",
    "expert_choice", "top_p", "linear", "cosine", "exp", "silu", "1e308", "2147483648", "-1", "0.5",
]);
