using Evaluators.Runtime;
using Evaluators.Slots;
using Search.Genomes.Routing;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.Routing;

/// <summary>IMeasuredSlot: load spread, drops and active experts summed over every forward since the reset.</summary>
public class MoeLayerMeasureTests
{
    public MoeLayerMeasureTests() => TorchRuntime.EnsureReady(1);

    [Fact]
    public void Measures_equal_a_hand_computation_over_two_forwards()
    {
        // Top-p, E = 2, p = 0.6, capacity 1.0 (cases as in the top-p capacity test).
        // Batch A (5 tokens): routes 6, C = 3, expert loads (3, 2), token 4 dropped.
        // Batch B (A's first 3 tokens): routes 4, C = 2, loads (2, 1), token 2 keeps expert 1: none dropped.
        // Sums: load (5, 3), 8 tokens, 1 dropped, 8 routes run. Mean 4, population std 1.
        double[][] a = [[0.9, 0.1], [0.8, 0.2], [0.55, 0.45], [0.3, 0.7], [0.95, 0.05]];
        var genome = MoeTestGenomes.Gate(GateType.TopP, 2, 0, capacity: 1.0, p: 0.6);
        using var layer = MoeReference.IdentityRouted(genome);
        IMeasuredSlot measured = layer;
        Assert.Empty(measured.Measures);
        using var scope = NewDisposeScope();
        layer.train();
        layer.forward(MoeReference.TokensFor(a));
        layer.eval();
        layer.forward(MoeReference.TokensFor(a[..3]));
        Assert.Equal(new long[] { 2, 1 }, layer.ExpertLoad);

        var m = measured.Measures;
        Assert.Equal(["active_experts", "dropped_fraction", "load_cv", "load_share.01", "load_share.02", "max_vio"], m.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(5.0 / 8, m["load_share.01"], 12);      // the busier expert ran 5 of the 8 routes
        Assert.Equal(3.0 / 8, m["load_share.02"], 12);
        Assert.Equal(0.25, m["load_cv"], 12);
        Assert.Equal(0.25, m["max_vio"], 12);
        Assert.Equal(0.125, m["dropped_fraction"], 12);
        Assert.Equal(1.0, m["active_experts"], 12);

        measured.ResetMeasures();
        Assert.Empty(measured.Measures);
        layer.forward(MoeReference.TokensFor(a));
        m = measured.Measures;
        Assert.Equal(0.2, m["load_cv"], 12);                 // (3, 2): mean 2.5, std 0.5
        Assert.Equal(0.2, m["max_vio"], 12);
        Assert.Equal(0.2, m["dropped_fraction"], 12);        // 1 of 5
        Assert.Equal((0.6, 0.4), (m["load_share.01"], m["load_share.02"]));
        Assert.Equal(1.0, m["active_experts"], 12);          // 5 routes run / 5 tokens
    }

    [Fact]
    public void Expert_choice_is_balanced_and_counts_tokens_no_expert_took()
    {
        // E = 3, N = 3, capacity 1.0 -> C = 1 per expert. Expert 0 takes token 0 (0.6), expert 1 token 1 (0.8),
        // expert 2 token 0 again (0.35 > 0.2 > 0.15): token 2 is dropped.
        double[][] q = [[0.6, 0.05, 0.35], [0.05, 0.8, 0.15], [0.5, 0.3, 0.2]];
        var genome = MoeTestGenomes.Gate(GateType.ExpertChoice, 3, 0, capacity: 1.0);
        using var layer = MoeReference.IdentityRouted(genome);
        using var scope = NewDisposeScope();
        layer.forward(MoeReference.TokensFor(q));
        var m = ((IMeasuredSlot)layer).Measures;
        Assert.Equal(0, m["load_cv"], 12);
        Assert.Equal(0, m["max_vio"], 12);
        Assert.Equal(1.0 / 3, m["dropped_fraction"], 12);
        Assert.Equal(1.0, m["active_experts"], 12); // 3 experts x 1 token / 3 tokens
        Assert.All(new[] { "load_share.01", "load_share.02", "load_share.03" }, k => Assert.Equal(1.0 / 3, m[k], 12)); // balanced
    }
}
