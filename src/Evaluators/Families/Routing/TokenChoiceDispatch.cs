using static TorchSharp.torch;

namespace Evaluators.Families.Routing;

/// <summary>
/// Token choice (softmax top-k, noisy top-k, dense-to-sparse, act-softmax): each token takes its k most
/// probable experts with weights renormalised over those k for k &gt; 1 (g = p_top / sum p_top, as Mixtral
/// does) and the plain probability at k = 1 (g = p_top, as Switch does). Each expert holds at most C = min(N, max(1, floor(capacity * N * k / E))) routes.
/// Routes queue choice-major, then by token index (all first choices before any second choice, as
/// GShard does); a route past its expert's C is dropped: it adds nothing (its weight is not given to the
/// token's other experts), so the token passes through the enclosing block's residual.
/// </summary>
public static class TokenChoiceDispatch
{
    public static long CapacityOf(int tokens, int experts, int k, double capacityFactor) =>
        Math.Min(tokens, Math.Max(1L, (long)Math.Floor(capacityFactor * tokens * k / experts + 1e-9)));

    /// <param name="x">tokens (N, d).</param>
    /// <param name="probabilities">p (N, E).</param>
    /// <param name="chosen">the top-k experts (N, k) int64.</param>
    /// <param name="chosenProbabilities">their probabilities (N, k).</param>
    public static RoutingResult Run(Tensor x, Tensor chosen, Tensor chosenProbabilities, ExpertBank experts, double capacityFactor)
    {
        using var scope = NewDisposeScope();
        var device = x.device;
        int n = (int)x.shape[0], k = (int)chosen.shape[1], e = experts.Experts;
        long d = x.shape[1], capacity = CapacityOf(n, e, k, capacityFactor);
        // k = 1 keeps p (Switch): a renormalised single weight is always 1 and the task loss would not reach the router.
        var weights = k == 1 ? chosenProbabilities : chosenProbabilities.div(chosenProbabilities.sum(1, keepdim: true));

        // Routes choice-major: route r = c N + t is token t's c-th choice.
        var expert = chosen.t().reshape(-1);                    // (kN)
        var weight = weights.t().reshape(-1);                   // (kN)
        var token = arange(n, dtype: int64, device: device).repeat(k); // (kN)
        var onehot = nn.functional.one_hot(expert, e);          // (kN, E) int64
        var position = onehot.cumsum(0).gather(1, expert.unsqueeze(1)).squeeze(1).sub(1); // place in its expert's queue
        var kept = position.lt(capacity);
        var keep = kept.nonzero().squeeze(1);

        var keptExpert = expert.index_select(0, keep);
        var keptToken = token.index_select(0, keep);
        var slot = keptExpert.mul(capacity).add(position.index_select(0, keep)); // row in the (E C, d) buckets
        var buckets = zeros(e * capacity, d, dtype: x.dtype, device: device)
            .index_add(0, slot, x.index_select(0, keptToken), 1);
        var y = experts.Forward(buckets.view(e, capacity, d)).view(e * capacity, d);
        var mixed = y.index_select(0, slot).mul(weight.index_select(0, keep).unsqueeze(1));
        var output = zeros(n, d, dtype: x.dtype, device: device).index_add(0, keptToken, mixed, 1);

        var load = zeros(e, dtype: int64, device: device).index_add(0, keptExpert, ones_like(keptExpert), 1);
        var keptPerToken = zeros(n, dtype: int64, device: device).index_add(0, token, kept.to(int64), 1);
        var droppedRoutes = kept.logical_not().sum();
        var droppedTokens = keptPerToken.eq(0).sum();
        var result = new RoutingResult(output, load, droppedRoutes, droppedTokens);
        foreach (var t in new[] { output, load, droppedRoutes, droppedTokens }) t.MoveToOuterDisposeScope();
        return result;
    }
}
