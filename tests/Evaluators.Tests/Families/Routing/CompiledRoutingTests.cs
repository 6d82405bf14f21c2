using Evaluators.Families.Routing;
using Evaluators.Runtime;
using Search.Genomes.Routing;

namespace Evaluators.Tests.Families.Routing;

/// <summary>The compiled routing candidate: its probe (what numeric sanity and equivalence see) and its slot.</summary>
public class CompiledRoutingTests
{
    private static readonly RoutingCandidateCompiler Compiler = new(new RoutingSpace());

    public CompiledRoutingTests() => TorchRuntime.EnsureReady(1);

    private static double[] Outputs(string text) => Compiler.Compile(text).Probe().Outputs;

    [Theory]
    [InlineData("gate=softmax_topk experts=8 k=2 tau=1 lb=0.01 capacity=1.25 zloss=0.001")]
    [InlineData("gate=noisy_topk experts=4 k=1 tau=1 lb=0.01 capacity=1 zloss=0")]
    [InlineData("gate=dense_to_sparse experts=8 k=2 tau_start=4 tau_end=0.25 schedule=cosine steps=500 lb=0.01 capacity=1.25 zloss=0")]
    [InlineData("gate=act_softmax experts=8 k=2 tau=1 act=tanh lb=0 capacity=2 zloss=0")]
    [InlineData("gate=expert_choice experts=8 tau=1 capacity=2 zloss=0.001")]
    public void Every_gate_probes_finite_varied_and_repeatable(string text)
    {
        var first = Compiler.Compile(text).Probe();
        var again = Compiler.Compile(text).Probe();
        Assert.Equal(first.Outputs, again.Outputs);
        Assert.Equal(first.Gradients, again.Gradients);
        Assert.All(first.Outputs, v => Assert.True(double.IsFinite(v)));
        Assert.All(first.Gradients, v => Assert.True(double.IsFinite(v)));
        double mean = first.Outputs.Average();
        Assert.True(first.Outputs.Select(v => (v - mean) * (v - mean)).Average() > 1e-6, "outputs are not constant");
        Assert.Contains(first.Gradients, g => g != 0);
    }

    [Theory]
    [InlineData("lb=0.01", "lb=0.02")] // the loss weights change only training: the auxiliary loss in the probe tells them apart
    [InlineData("zloss=0.001", "zloss=0")]
    [InlineData("capacity=1.25", "capacity=0.5")]
    [InlineData("tau=1", "tau=2")]
    public void Genomes_that_train_differently_never_share_a_probe(string from, string to)
    {
        const string baseline = "gate=softmax_topk experts=8 k=2 tau=1 lb=0.01 capacity=1.25 zloss=0.001";
        string other = baseline.Replace(from, to);
        if (to == "capacity=0.5") other = baseline.Replace("capacity=1.25", "capacity=1"); // stays in the default space
        Assert.NotEqual(baseline, other);
        Assert.NotEqual(Outputs(baseline), Outputs(other));
    }

    [Fact]
    public void Dense_to_sparse_schedules_differ_in_the_probe_even_where_step_zero_routes_alike()
    {
        const string a = "gate=dense_to_sparse experts=8 k=2 tau_start=4 tau_end=0.25 schedule=cosine steps=500 lb=0.01 capacity=1.25 zloss=0";
        Assert.NotEqual(Outputs(a), Outputs(a.Replace("schedule=cosine", "schedule=linear")));
        Assert.NotEqual(Outputs(a), Outputs(a.Replace("steps=500", "steps=5000")));
    }

    [Fact]
    public void The_slot_builds_experts_twice_as_wide_as_the_block()
    {
        var compiled = Compiler.Compile("gate=softmax_topk experts=4 k=2 tau=1 lb=0.01 capacity=1.25 zloss=0");
        using var layer = (MoeLayer)compiled.Slot.Create(Evaluators.Slots.SlotSite.Same(16));
        Assert.Equal(16, layer.Features);
        Assert.Equal(RoutingGenomeSlot.HiddenPerFeature * 16, layer.Experts.Hidden);
        Assert.Throws<ArgumentException>(() => compiled.Slot.Create(new Evaluators.Slots.SlotSite(16, 8)));
    }

    [Fact]
    public void A_genome_outside_the_space_compiles_with_its_limit_problem_named()
    {
        var narrow = new RoutingCandidateCompiler(new RoutingSpace { Experts = new(2, 64), K = new(1, 8) });
        Assert.Null(narrow.Compile("gate=softmax_topk experts=8 k=2 tau=1 lb=0.01 capacity=1.25 zloss=0").LimitProblem);
        Assert.ThrowsAny<Exception>(() => narrow.Compile("gate=softmax_topk experts=80 k=2 tau=1 lb=0.01 capacity=1.25 zloss=0"));
    }
}
