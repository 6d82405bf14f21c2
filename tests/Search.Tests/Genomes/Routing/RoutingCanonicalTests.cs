using Search.Genomes.Routing;

namespace Search.Tests.Genomes.Routing;

/// <summary>Equivalent spellings normalise to one canonical text; parsing yields typed fields; invariants hold.</summary>
public class RoutingCanonicalTests
{
    private static readonly RoutingFamily Family = new(RoutingSpaces.Default);

    [Theory]
    [InlineData("capacity=1.250 lb=1e-2 tau=1.0 k=2 experts=8 gate=noisy_topk", "gate=noisy_topk experts=8 k=2 tau=1 lb=0.01 capacity=1.25 zloss=0 bias=0")]
    [InlineData("  gate=expert_choice\texperts=16.0   capacity=2 tau=0.50 zloss=0.001 ", "gate=expert_choice experts=16 tau=0.5 capacity=2 zloss=0.001")]
    [InlineData("gate=dense_to_sparse steps=2e3 schedule=exp tau_end=0.1 tau_start=+5 k=1 experts=4 lb=0 capacity=1",
        "gate=dense_to_sparse experts=4 k=1 tau_start=5 tau_end=0.1 schedule=exp steps=2000 lb=0 capacity=1 zloss=0 bias=0")]
    [InlineData("gate=act_softmax act=gelu experts=8 k=8 tau=2 lb=0.001 capacity=1.5 zloss=0.0",
        "gate=act_softmax experts=8 k=8 tau=2 act=gelu lb=0.001 capacity=1.5 zloss=0 bias=0")]
    [InlineData("gate = softmax_topk experts = 2 k = 1 tau = 10 lb = 0.1 capacity = 4", "gate=softmax_topk experts=2 k=1 tau=10 lb=0.1 capacity=4 zloss=0 bias=0")]
    [InlineData("bias=5e-3 p=0.40 gate=top_p tau=1 experts=8 capacity=1.25 lb=0", "gate=top_p experts=8 p=0.4 tau=1 lb=0 capacity=1.25 zloss=0 bias=0.005")]
    [InlineData("gate=top_p experts=4 p=.9 tau=2 lb=0.01 capacity=2 zloss=0.001", "gate=top_p experts=4 p=0.9 tau=2 lb=0.01 capacity=2 zloss=0.001 bias=0")]
    [InlineData("gate=noisy_topk experts=8 k=2 tau=1 lb=0.01 capacity=1.25 bias=0.0010", "gate=noisy_topk experts=8 k=2 tau=1 lb=0.01 capacity=1.25 zloss=0 bias=0.001")]
    public void Equivalent_spellings_normalise(string text, string canonical)
    {
        var g = Family.Parse(text);
        Assert.Equal(canonical, g.Text);
        Assert.Equal(g, Family.Parse(canonical));
        Assert.Equal(g.StructuralHash, Family.Parse(canonical).StructuralHash);
    }

    [Fact]
    public void Parsing_yields_typed_fields_for_the_evaluators()
    {
        var g = Family.Parse("gate=dense_to_sparse experts=16 k=2 tau_start=4 tau_end=0.25 schedule=cosine steps=5000 lb=0.01 capacity=1.25 zloss=0.001");
        Assert.Equal(GateType.DenseToSparse, g.Gate);
        Assert.Equal(16, g.Experts);
        Assert.Equal(2, g.K);
        Assert.Null(g.Temperature);
        Assert.Equal(new TemperatureSchedule(4, 0.25, ScheduleKind.Cosine, 5000), g.Schedule);
        Assert.Null(g.Activation);
        Assert.Equal(0.01, g.LoadBalance);
        Assert.Equal(1.25, g.Capacity);
        Assert.Equal(0.001, g.ZLoss);

        var ec = Family.Parse("gate=expert_choice experts=8 tau=1 capacity=2");
        Assert.Null(ec.K);
        Assert.Null(ec.LoadBalance);
        Assert.Equal(2, ec.Capacity);
    }

    [Fact]
    public void Top_p_and_bias_parse_to_typed_fields()
    {
        var g = Family.Parse("gate=top_p experts=8 p=0.4 tau=1 lb=0.01 capacity=1.25 bias=0.002");
        Assert.Equal(GateType.TopP, g.Gate);
        Assert.Null(g.K);
        Assert.Equal(0.4, g.TopP);
        Assert.Equal(0.002, g.BiasRate);
        Assert.Equal(0, g.ZLoss);
        Assert.Equal(0, Family.Parse("gate=softmax_topk experts=8 k=2 tau=1 lb=0 capacity=1").BiasRate);
        Assert.Null(Family.Parse("gate=expert_choice experts=8 tau=1 capacity=2").BiasRate);
        Assert.Null(Family.Parse("gate=softmax_topk experts=8 k=2 tau=1 lb=0 capacity=1").TopP);
    }

    [Fact]
    public void Create_enforces_the_top_p_and_bias_invariants()
    {
        Assert.Equal("gate=top_p experts=8 p=1 tau=1 lb=0 capacity=1 zloss=0 bias=0",
            RoutingGenome.Create(GateType.TopP, 8, null, 1, null, null, 0, 1, topP: 1).Text);
        Assert.Throws<ArgumentException>(() => RoutingGenome.Create(GateType.TopP, 8, null, 1, null, null, 0, 1)); // no p
        Assert.Throws<ArgumentException>(() => RoutingGenome.Create(GateType.TopP, 8, 2, 1, null, null, 0, 1, topP: 0.5)); // k too
        Assert.Throws<ArgumentException>(() => RoutingGenome.Create(GateType.SoftmaxTopK, 8, 2, 1, null, null, 0, 1, topP: 0.5));
        Assert.Throws<ArgumentException>(() => RoutingGenome.Create(GateType.TopP, 8, null, 1, null, null, 0, 1, topP: 0));
        Assert.Throws<ArgumentException>(() => RoutingGenome.Create(GateType.TopP, 8, null, 1, null, null, 0, 1, topP: 1.5));
        Assert.Throws<ArgumentException>(() => RoutingGenome.Create(GateType.SoftmaxTopK, 8, 2, 1, null, null, 0, 1, biasRate: -0.001));
        Assert.Throws<ArgumentException>(() => RoutingGenome.Create(GateType.ExpertChoice, 8, null, 1, null, null, null, 2, biasRate: 0));
    }

    [Fact]
    public void Create_enforces_the_invariants_of_every_space()
    {
        Assert.Equal("gate=noisy_topk experts=8 k=2 tau=1 lb=0.01 capacity=1.25 zloss=0 bias=0",
            RoutingGenome.Create(GateType.NoisyTopK, 8, 2, 1, null, null, 0.01, 1.25).Text);
        Assert.Throws<ArgumentException>(() => RoutingGenome.Create(GateType.NoisyTopK, 4, 5, 1, null, null, 0.01, 1.25));
        Assert.Throws<ArgumentException>(() => RoutingGenome.Create(GateType.ExpertChoice, 8, 2, 1, null, null, null, 2));
        Assert.Throws<ArgumentException>(() => RoutingGenome.Create(GateType.ExpertChoice, 8, null, 1, null, null, 0.01, 2));
        Assert.Throws<ArgumentException>(() => RoutingGenome.Create(GateType.SoftmaxTopK, 8, 2, null, null, null, 0.01, 1));
        Assert.Throws<ArgumentException>(() => RoutingGenome.Create(GateType.DenseToSparse, 8, 2, null,
            new TemperatureSchedule(0.5, 2, ScheduleKind.Linear, 100), null, 0.01, 1));
        Assert.Throws<ArgumentException>(() => RoutingGenome.Create(GateType.ActSoftmax, 8, 2, 1, null, null, 0.01, 1));
        Assert.Throws<ArgumentException>(() => RoutingGenome.Create(GateType.SoftmaxTopK, 8, 2, 1, null, null, -0.1, 1));
        Assert.Throws<ArgumentException>(() => RoutingGenome.Create(GateType.SoftmaxTopK, 8, 2, 1, null, null, 0, 0));
    }

    [Fact]
    public void Different_policies_have_different_text_and_hash()
    {
        var a = Family.Parse("gate=noisy_topk experts=8 k=2 tau=1 lb=0.01 capacity=1.25");
        var b = Family.Parse("gate=softmax_topk experts=8 k=2 tau=1 lb=0.01 capacity=1.25");
        Assert.NotEqual(a, b);
        Assert.NotEqual(a.StructuralHash, b.StructuralHash);
    }
}
