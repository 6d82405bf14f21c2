using static TorchSharp.torch;

namespace Evaluators.Families.Routing;

/// <summary>
/// Top-p (dynamic) routing (Huang et al. 2024): each token orders the experts by selection score s
/// descending (s = p + balancing bias) and takes the expert at rank r iff r = 0 or the probabilities of
/// ranks 0..r-1 sum to less than the threshold, so 1..E experts. The gate weight of a taken expert is
/// its probability p itself, not renormalised (as the paper does). All on the device: a sort, a
/// cumulative sum and a mask; routes come from the mask's nonzero entries, rank-major then by token.
/// </summary>
public static class TopPSelection
{
    /// <summary>Which experts each token takes: (N, E) bool in expert order.</summary>
    /// <param name="probabilities">p (N, E).</param>
    /// <param name="scores">selection scores s (N, E): p plus the balancing bias.</param>
    /// <param name="threshold">the genome's p, in (0, 1].</param>
    public static Tensor Mask(Tensor probabilities, Tensor scores, double threshold)
    {
        using var scope = NewDisposeScope();
        var (order, taken) = ByRank(probabilities, scores, threshold);
        return zeros_like(taken).scatter(1, order, taken).MoveToOuterDisposeScope();
    }

    /// <summary>The routes of the taken experts, rank-major then by token, weight p[t, e].</summary>
    public static TokenRoutes Routes(Tensor probabilities, Tensor scores, double threshold)
    {
        using var scope = NewDisposeScope();
        long e = probabilities.shape[1];
        var (order, taken) = ByRank(probabilities, scores, threshold);
        var at = taken.t().nonzero();                           // (R, 2): (rank, token), rank-major then token
        var rank = at[.., 0];
        var token = at[.., 1];
        var expert = order.reshape(-1).index_select(0, token.mul(e).add(rank));
        var weight = probabilities.reshape(-1).index_select(0, token.mul(e).add(expert));
        return new TokenRoutes(expert, token, weight, rank).MoveToOuterDisposeScope();
    }

    /// <summary>Experts by rank (N, E) int64 and whether the expert at each rank is taken (N, E) bool.</summary>
    private static (Tensor Order, Tensor Taken) ByRank(Tensor probabilities, Tensor scores, double threshold)
    {
        if (!(threshold > 0 && threshold <= 1)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "expected a top-p threshold in (0, 1]");
        var order = scores.detach().argsort(1, descending: true);
        var sorted = probabilities.detach().gather(1, order);
        // Exclusive prefix sums: the mass of the ranks before each one (0 before rank 0, so rank 0 is always taken).
        var before = cat([zeros_like(sorted[.., ..1]), sorted.cumsum(1)[.., ..^1]], 1);
        return (order, before.lt(threshold));
    }
}
