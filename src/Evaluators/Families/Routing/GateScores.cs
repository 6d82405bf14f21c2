using Search.Genomes.Routing;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Families.Routing;

/// <summary>
/// The router probabilities p (N, E) a gate selects on, from router logits l = x W_r^T (N, E):
/// softmax_topk and dense_to_sparse softmax(l / tau) (dense_to_sparse: tau from its schedule),
/// noisy_topk softmax((l + eps * softplus(x W_noise)) / tau) with eps ~ N(0, 1) in training only
/// (Shazeer 2017), act_softmax softmax(act(l) / tau), expert_choice softmax(l / tau) (Zhou 2022), top_p
/// softmax(l / tau) (Huang 2024).
/// </summary>
public static class GateScores
{
    /// <param name="noiseLogits">x W_noise (N, E) for noisy_topk, otherwise unused.</param>
    public static Tensor Probabilities(RoutingGenome genome, Tensor logits, Tensor? noiseLogits, double temperature, bool training)
    {
        using var scope = NewDisposeScope();
        var scores = genome.Gate switch
        {
            GateType.NoisyTopK when training => logits.add(randn_like(logits).mul(nn.functional.softplus(
                noiseLogits ?? throw new ArgumentNullException(nameof(noiseLogits), "noisy_topk needs x W_noise")))),
            GateType.ActSoftmax => Activate(genome.Activation ?? throw new ArgumentException("act_softmax needs an activation"), logits),
            _ => logits,
        };
        return softmax(scores.div(temperature), 1).MoveToOuterDisposeScope();
    }

    public static Tensor Activate(GateActivation activation, Tensor x) => activation switch
    {
        GateActivation.Relu => nn.functional.relu(x),
        GateActivation.Gelu => nn.functional.gelu(x),
        GateActivation.Silu => nn.functional.silu(x),
        GateActivation.Tanh => x.tanh(),
        GateActivation.Sigmoid => x.sigmoid(),
        GateActivation.Softplus => nn.functional.softplus(x),
        GateActivation.Elu => nn.functional.elu(x, 1.0),
        GateActivation.LeakyRelu => nn.functional.leaky_relu(x, 0.01),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, null),
    };
}
