using static TorchSharp.torch;

namespace Evaluators.Families.Routing;

/// <summary>
/// Token choice (softmax top-k, noisy top-k, dense-to-sparse, act-softmax, top-p): runs the routes a gate
/// chose (<see cref="TokenRoutes"/>). Each expert holds at most C routes: top-k
/// C = min(N, max(1, floor(capacity * N * k / E))), top-p the same with the batch's route count R for N k.
/// Routes queue rank-major, then by token index (all first choices before any second choice, as GShard
/// does); a route past its expert's C is dropped: it adds nothing (its weight is not given to the token's
/// other experts), so a token that loses every route passes through the enclosing block's residual.
/// </summary>
public static class TokenChoiceDispatch
{
    public static long CapacityOf(int tokens, int experts, int k, double capacityFactor) =>
        Math.Min(tokens, Math.Max(1L, (long)Math.Floor(capacityFactor * tokens * k / experts + 1e-9)));

    /// <summary>Capacity for a variable number of routes per token: min(N, max(1, floor(capacity * R / E))).</summary>
    public static long CapacityOfRoutes(int tokens, long routes, int experts, double capacityFactor) =>
        Math.Min(tokens, Math.Max(1L, (long)Math.Floor(capacityFactor * routes / experts + 1e-9)));

    /// <summary>Top-k: each token's k chosen experts (N, k) int64 with their probabilities (N, k).</summary>
    public static RoutingResult Run(Tensor x, Tensor chosen, Tensor chosenProbabilities, ExpertBank experts, double capacityFactor)
    {
        using var scope = NewDisposeScope();
        int n = (int)x.shape[0], k = (int)chosen.shape[1];
        var routes = TokenRoutes.FromTopK(chosen, chosenProbabilities);
        return Run(x, routes, experts, CapacityOf(n, experts.Experts, k, capacityFactor)).MoveToOuterDisposeScope();
    }

    /// <summary>Runs <paramref name="routes"/> (any number per token, at most one per token and expert) with C = <paramref name="capacity"/>.</summary>
    /// <param name="x">tokens (N, d).</param>
    public static RoutingResult Run(Tensor x, TokenRoutes routes, ExpertBank experts, long capacity)
    {
        using var scope = NewDisposeScope();
        var device = x.device;
        int n = (int)x.shape[0], e = experts.Experts;
        long d = x.shape[1];
        // Queue order: rank-major, then token (a no-op permutation when the routes come in that order already).
        var queue = routes.Rank.mul(n).add(routes.Token).argsort();
        var expert = routes.Expert.index_select(0, queue);
        var token = routes.Token.index_select(0, queue);
        var weight = routes.Weight.index_select(0, queue);
        var onehot = nn.functional.one_hot(expert, e);          // (R, E) int64
        var position = onehot.cumsum(0).gather(1, expert.unsqueeze(1)).squeeze(1).sub(1); // place in its expert's queue
        var kept = position.lt(capacity);
        var keep = kept.nonzero().squeeze(1);

        var keptExpert = expert.index_select(0, keep);
        var keptToken = token.index_select(0, keep);
        var load = zeros(e, dtype: int64, device: device).index_add(0, keptExpert, ones_like(keptExpert), 1);
        // Buckets hold the fullest expert's routes, not C rows: with a roomy capacity (C = N for a drop-free
        // top-2 of 8) padding to C would run the experts on 4x the rows the routes need. One host sync.
        long rows = Math.Max(1L, load.max().item<long>());
        var slot = keptExpert.mul(rows).add(position.index_select(0, keep)); // row in the (E rows, d) buckets
        var buckets = zeros(e * rows, d, dtype: x.dtype, device: device)
            .index_add(0, slot, x.index_select(0, keptToken), 1);
        var y = experts.Forward(buckets.view(e, rows, d)).view(e * rows, d);
        var mixed = y.index_select(0, slot).mul(weight.index_select(0, keep).unsqueeze(1));
        var output = zeros(n, d, dtype: x.dtype, device: device).index_add(0, keptToken, mixed, 1);

        var keptPerToken = zeros(n, dtype: int64, device: device).index_add(0, token, kept.to(int64), 1);
        var droppedRoutes = kept.logical_not().sum();
        var droppedTokens = keptPerToken.eq(0).sum();
        return new RoutingResult(output, load, droppedRoutes, droppedTokens).MoveToOuterDisposeScope();
    }
}
