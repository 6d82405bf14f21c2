using static TorchSharp.torch;

namespace Evaluators.Families.Routing;

/// <summary>The router's auxiliary terms, unweighted (the genome's lb and zloss weigh them).</summary>
public static class RoutingLosses
{
    /// <summary>
    /// Switch load balance E * sum_i f_i P_i: f_i the fraction of the N k routes (before capacity drops)
    /// that chose expert i, P_i the mean router probability of expert i over tokens. 1 when balanced.
    /// </summary>
    /// <param name="probabilities">p (N, E) the gate selected on.</param>
    /// <param name="chosen">the chosen experts (N, k).</param>
    public static Tensor LoadBalance(Tensor probabilities, Tensor chosen)
    {
        using var scope = NewDisposeScope();
        long experts = probabilities.shape[1];
        var counts = zeros(experts, dtype: probabilities.dtype, device: probabilities.device)
            .index_add(0, chosen.reshape(-1), ones(chosen.numel(), dtype: probabilities.dtype, device: probabilities.device), 1);
        var f = counts.div(chosen.numel()); // no gradient: a count
        var meanP = probabilities.mean([0L]);
        return f.mul(meanP).sum().mul(experts).MoveToOuterDisposeScope();
    }

    /// <summary>ST-MoE router z-loss: mean over tokens of logsumexp(l)^2 over the raw router logits l (N, E).</summary>
    public static Tensor ZLoss(Tensor logits)
    {
        using var scope = NewDisposeScope();
        return logits.logsumexp(1).square().mean().MoveToOuterDisposeScope();
    }
}
