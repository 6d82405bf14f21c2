using static TorchSharp.torch;

namespace Evaluators.Families.Routing;

/// <summary>
/// Expert choice (Zhou 2022): with scores S = softmax(l / tau) (N, E), each expert takes its C tokens of
/// highest score, C = min(N, max(1, floor(capacity * N / E))) (the genome's capacity is the paper's c,
/// the mean experts per token; k = 1 in the brief's capacity * N * k / E), and adds S[t, e] expert_e(x_t)
/// to each token t it took. Every expert is full by construction; a token may get several experts or none
/// (counted as dropped).
/// </summary>
public static class ExpertChoiceDispatch
{
    public static long CapacityOf(int tokens, int experts, double capacityFactor) =>
        TokenChoiceDispatch.CapacityOf(tokens, experts, 1, capacityFactor);

    public static RoutingResult Run(Tensor x, Tensor probabilities, ExpertBank experts, double capacityFactor)
    {
        using var scope = NewDisposeScope();
        var device = x.device;
        int n = (int)x.shape[0], e = experts.Experts;
        long d = x.shape[1], capacity = CapacityOf(n, e, capacityFactor);
        var (scores, tokens) = probabilities.topk((int)capacity, dim: 0); // (C, E) each
        var token = tokens.t().reshape(-1);                                 // (E C): expert-major
        var y = experts.Forward(x.index_select(0, token).view(e, capacity, d)).view(e * capacity, d);
        var mixed = y.mul(scores.t().reshape(-1, 1));
        var output = zeros(n, d, dtype: x.dtype, device: device).index_add(0, token, mixed, 1);

        var load = full(e, capacity, dtype: int64, device: device);
        var taken = zeros(n, dtype: int64, device: device).index_add(0, token, ones(token.numel(), dtype: int64, device: device), 1);
        var droppedTokens = taken.eq(0).sum();
        var droppedRoutes = zeros(Array.Empty<long>(), dtype: int64, device: device);
        return new RoutingResult(output, load, droppedRoutes, droppedTokens).MoveToOuterDisposeScope();
    }
}
