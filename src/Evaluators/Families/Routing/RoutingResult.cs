using static TorchSharp.torch;

namespace Evaluators.Families.Routing;

/// <summary>
/// One dispatch: the mixed output (N, d), the routes each expert ran (E,) int64, the token-expert
/// routes dropped past capacity and the tokens left with no expert at all (int64 scalars).
/// </summary>
public sealed record RoutingResult(Tensor Output, Tensor Load, Tensor DroppedRoutes, Tensor DroppedTokens)
{
    /// <summary>Hands every tensor to the caller's dispose scope (a dispatch runs in its own).</summary>
    public RoutingResult MoveToOuterDisposeScope()
    {
        foreach (var t in new[] { Output, Load, DroppedRoutes, DroppedTokens }) t.MoveToOuterDisposeScope();
        return this;
    }
}
