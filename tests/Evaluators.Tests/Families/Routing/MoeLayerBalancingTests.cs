using Evaluators.Families.Routing;
using Evaluators.Runtime;
using Evaluators.Slots;
using Search.Genomes.Routing;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.Routing;

/// <summary>Auxiliary-loss-free balancing: the bias moves selection only, and moves by exactly u * sign(mean - load).</summary>
public class MoeLayerBalancingTests
{
    public MoeLayerBalancingTests() => TorchRuntime.EnsureReady(1);

    private static readonly double[][] Q =
    [
        [0.5, 0.3, 0.15, 0.05],
        [0.05, 0.25, 0.6, 0.1],
        [0.3, 0.28, 0.22, 0.2],
        [0.05, 0.1, 0.15, 0.7],
    ];

    private static readonly double[] Bias = [0, 0, 0.2, 0.4];

    [Theory]
    [InlineData(GateType.SoftmaxTopK, 1)]
    [InlineData(GateType.SoftmaxTopK, 2)]
    [InlineData(GateType.TopP, 0)]
    public void The_bias_changes_which_experts_are_chosen_but_never_the_gate_weights(GateType gate, int k)
    {
        var genome = MoeTestGenomes.Gate(gate, 4, k, capacity: 4.0, p: 0.65);
        using var layer = MoeReference.IdentityRouted(genome);
        using var scope = NewDisposeScope();
        using (no_grad()) layer.BalanceBias!.copy_(tensor(Bias, dtype: float64));
        var x = MoeReference.TokensFor(Q);
        var y = layer.forward(x);

        var biased = Q.Select(q => Chosen(gate, k, q, q.Select((v, i) => v + Bias[i]).ToArray())).ToArray();
        var plain = Q.Select(q => Chosen(gate, k, q, q)).ToArray();
        Assert.Contains(Enumerable.Range(0, Q.Length), t => !biased[t].SequenceEqual(plain[t])); // the bias matters here
        // Weights from the probabilities only: p (k = 1, top-p) or p renormalised over the chosen (k > 1).
        var routes = Q.Select((q, t) => biased[t].Select(e => (e, k > 1 ? q[e] / biased[t].Sum(c => q[c]) : q[e])).ToArray()).ToList();
        var expected = MoeReference.Mixture(layer, x, routes);
        Assert.True(y.allclose(expected, rtol: 0, atol: 1e-9), $"max |diff| {y.sub(expected).abs().max().item<double>()}");
    }

    private static int[] Chosen(GateType gate, int k, double[] p, double[] scores) =>
        gate == GateType.TopP ? MoeReference.TopP(p, scores, 0.65) : MoeReference.TopK(scores, k);

    private static double[] BiasOf(MoeLayer layer) => layer.BalanceBias!.data<double>().ToArray();

    [Fact]
    public void After_a_training_step_the_bias_moves_by_u_times_the_sign_of_mean_minus_load()
    {
        // Top-1 choices 0, 2, 0, 3 -> load (2, 0, 1, 1) before capacity, mean 1: signs (-1, +1, 0, 0).
        // Capacity 1.0 gives C = 1, so expert 0 drops a route; the bias counts choices, not runs.
        const double u = 0.001;
        var genome = MoeTestGenomes.Gate(GateType.SoftmaxTopK, 4, 1, capacity: 1.0, bias: u);
        using var layer = MoeReference.IdentityRouted(genome);
        using var scope = NewDisposeScope();
        var x = MoeReference.TokensFor([Q[0], Q[1], Q[2], Q[3]]);
        var step = new TrainingStep(0, 10);

        layer.eval();
        layer.forward(x);
        ((IStepAware)layer).AfterStep(step);
        Assert.Equal(new double[4], BiasOf(layer)); // eval forwards never move it

        layer.train();
        layer.forward(x);
        Assert.Equal(new long[] { 1, 0, 1, 1 }, layer.ExpertLoad);
        Assert.Equal(new double[4], BiasOf(layer)); // not before AfterStep
        ((IStepAware)layer).AfterStep(step);
        Assert.Equal(new[] { -u, u, 0, 0 }, BiasOf(layer));
        ((IStepAware)layer).AfterStep(step);
        Assert.Equal(new[] { -u, u, 0, 0 }, BiasOf(layer)); // once per training forward

        layer.forward(x); // the same choices again: the bias (1e-3) does not change them
        ((IStepAware)layer).AfterStep(step);
        Assert.Equal(new[] { -2 * u, 2 * u, 0, 0 }, BiasOf(layer));
    }

    [Fact]
    public void A_zero_rate_never_moves_the_bias_and_expert_choice_has_none()
    {
        var genome = MoeTestGenomes.Gate(GateType.TopP, 4, 0, capacity: 1.0, bias: 0);
        using var layer = MoeReference.IdentityRouted(genome);
        using var scope = NewDisposeScope();
        layer.train();
        layer.forward(MoeReference.TokensFor(Q));
        ((IStepAware)layer).AfterStep(new TrainingStep(0, 10));
        Assert.Equal(new double[4], BiasOf(layer));
        Assert.Contains("balance_bias", layer.state_dict().Keys);

        using var ec = new MoeLayer(MoeTestGenomes.Gate(GateType.ExpertChoice, 4, 0, capacity: 1.0), 4, 5);
        Assert.Null(ec.BalanceBias);
        Assert.DoesNotContain("balance_bias", ec.state_dict().Keys);
    }
}
