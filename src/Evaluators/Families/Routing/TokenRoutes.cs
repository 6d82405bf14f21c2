using static TorchSharp.torch;

namespace Evaluators.Families.Routing;

/// <summary>
/// The token-expert routes a token-choice gate chose, one entry per route, all 1-D of length R: the
/// expert (int64), the token (int64), the gate weight (the probabilities' dtype, with gradient) and the
/// rank of the expert among the token's choices (int64, 0 = first choice). Rank orders the capacity
/// queues (<see cref="TokenChoiceDispatch"/>); a top-k gate has k routes per token, a top-p gate 1..E.
/// </summary>
public sealed record TokenRoutes(Tensor Expert, Tensor Token, Tensor Weight, Tensor Rank)
{
    /// <summary>
    /// Routes of a top-k choice, choice-major: chosen experts (N, k) and their probabilities (N, k).
    /// Weights are renormalised over the k for k &gt; 1 (Mixtral) and the plain probability at k = 1
    /// (Switch: a renormalised single weight is always 1 and the task loss would not reach the router).
    /// The tensors live in the caller's dispose scope.
    /// </summary>
    public static TokenRoutes FromTopK(Tensor chosen, Tensor chosenProbabilities)
    {
        using var scope = NewDisposeScope();
        long n = chosen.shape[0], k = chosen.shape[1];
        var weights = k == 1 ? chosenProbabilities : chosenProbabilities.div(chosenProbabilities.sum(1, keepdim: true));
        var device = chosen.device;
        var routes = new TokenRoutes(
            chosen.t().reshape(-1),                                      // route r = c N + t is token t's c-th choice
            arange(n, dtype: int64, device: device).repeat(k),
            weights.t().reshape(-1),
            arange(k, dtype: int64, device: device).repeat_interleave(n));
        return routes.MoveToOuterDisposeScope();
    }

    /// <summary>Moves all four tensors to the enclosing dispose scope; returns this.</summary>
    public TokenRoutes MoveToOuterDisposeScope()
    {
        foreach (var t in new[] { Expert, Token, Weight, Rank }) t.MoveToOuterDisposeScope();
        return this;
    }
}
