using Search.Core;
using Search.Genomes.Routing;

namespace Search.Tests.Genomes.Routing;

/// <summary>
/// Every kind of routing parse error names its position and what was expected. The position is
/// given as the first occurrence of a marker in the text ("$" for the end of the text).
/// </summary>
public class RoutingParseErrorTests
{
    private const string Tail = " lb=0.01 capacity=1.25";

    private static void AssertError(RoutingSpace space, string text, string marker, string expected)
    {
        int position = marker == "$" ? text.Length : text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(position >= 0, "marker not in text");
        var e = Assert.Throws<GenomeParseException>(() => new RoutingFamily(space).Parse(text));
        Assert.Equal(position, e.Position);
        Assert.Contains(expected, e.Expected);
        Assert.Contains($"at position {position + 1}: expected ", e.Message);
    }

    [Theory]
    [InlineData("", "$", "key 'gate' (required; one of softmax_topk, noisy_topk, dense_to_sparse, act_softmax, expert_choice, top_p)")]
    [InlineData("experts=8 k=2", "$", "key 'gate' (required")]
    [InlineData("gate=foo experts=8", "foo", "one of softmax_topk, noisy_topk, dense_to_sparse, act_softmax, expert_choice, top_p for 'gate'")]
    [InlineData("gate=", "$", "a name for 'gate'")]
    [InlineData("gate=noisy_topk experts=8 k=2 tau=1 size=3" + Tail, "size", "unknown key 'size'; known: gate, experts, k, p, tau, tau_start, tau_end, schedule, steps, act, lb, capacity, zloss, bias")]
    [InlineData("gate=noisy_topk experts=8 k=2 tau=1 =3" + Tail, "=3", "a key (gate, experts, k")]
    [InlineData("gate=noisy_topk gate=softmax_topk experts=8", "gate=softmax", "each key once ('gate' is repeated)")]
    [InlineData("gate=noisy_topk experts:8 k=2", ":8", "'=' after 'experts'")]
    [InlineData("gate=noisy_topk experts=eight k=2", "eight", "number for 'experts'")]
    [InlineData("gate=noisy_topk experts=8k=2 tau=1" + Tail, "k=2", "a space or end of text after the value")]
    [InlineData("gate=noisy_topk experts=100 k=2 tau=1" + Tail, "100", "integer for 'experts' (2..64)")]
    [InlineData("gate=noisy_topk experts=8.5 k=2 tau=1" + Tail, "8.5", "integer for 'experts' (2..64)")]
    [InlineData("gate=noisy_topk experts=4 k=6 tau=1" + Tail, "6 tau", "integer for 'k' (1..4, at most experts=4)")]
    [InlineData("gate=noisy_topk experts=8 k=0 tau=1" + Tail, "0 tau", "integer for 'k' (1..8, at most experts=8)")]
    [InlineData("gate=noisy_topk experts=8 k=2 tau=0" + Tail, "0 lb", "number for 'tau' (0.1..10)")]
    [InlineData("gate=noisy_topk experts=8 k=2 tau=1 lb=0.5 capacity=1", "0.5", "number for 'lb' (0..0.1)")]
    [InlineData("gate=noisy_topk experts=8 k=2 tau=1 lb=0 capacity=0.5", "0.5", "number for 'capacity' (1..4)")]
    [InlineData("gate=noisy_topk experts=8 k=2 tau=1 lb=0 capacity=1 zloss=1", "1", "")]
    [InlineData("gate=noisy_topk experts=8 tau=1" + Tail, "$", "key 'k' (required for gate 'noisy_topk')")]
    [InlineData("gate=noisy_topk experts=8 k=2 tau=1 lb=0.01", "$", "key 'capacity' (required for gate 'noisy_topk')")]
    [InlineData("gate=expert_choice experts=8 k=2 tau=1 capacity=2", "k=2", "a key that gate 'expert_choice' takes ('k' does not; it takes gate, experts, tau, capacity, zloss)")]
    [InlineData("gate=expert_choice experts=8 tau=1 lb=0.01 capacity=2", "lb", "('lb' does not;")]
    [InlineData("gate=softmax_topk experts=8 k=2 tau=1 act=relu" + Tail, "act", "('act' does not;")]
    [InlineData("gate=dense_to_sparse experts=8 k=2 tau=1" + Tail, "tau", "('tau' does not;")]
    [InlineData("gate=act_softmax experts=8 k=2 tau=1 act=swish" + Tail, "swish", "one of relu, gelu, silu, tanh, sigmoid, softplus, elu, leaky_relu for 'act'")]
    [InlineData("gate=dense_to_sparse experts=8 k=2 tau_start=0.5 tau_end=2 schedule=cosine steps=1000" + Tail, "2 schedule", "tau_end <= tau_start (0.5)")]
    [InlineData("gate=dense_to_sparse experts=8 k=2 tau_start=2 tau_end=0.5 schedule=step steps=1000" + Tail, "step ", "one of linear, cosine, exp for 'schedule'")]
    [InlineData("gate=dense_to_sparse experts=8 k=2 tau_start=2 tau_end=0.5 schedule=exp steps=10" + Tail, "10", "integer for 'steps' (100..100000)")]
    [InlineData("gate=dense_to_sparse experts=8 k=2 tau_start=2 schedule=exp steps=100" + Tail, "$", "key 'tau_end' (required for gate 'dense_to_sparse')")]
    [InlineData("gate=top_p experts=8 p=0 tau=1" + Tail, "0 tau", "number for 'p' (0.1..0.9)")]
    [InlineData("gate=top_p experts=8 p=1.5 tau=1" + Tail, "1.5", "number for 'p' (0.1..0.9)")]
    [InlineData("gate=top_p experts=8 k=2 p=0.4 tau=1" + Tail, "k=2", "a key that gate 'top_p' takes ('k' does not; it takes gate, experts, p, tau, lb, capacity, zloss, bias)")]
    [InlineData("gate=top_p experts=8 tau=1" + Tail, "$", "key 'p' (required for gate 'top_p')")]
    [InlineData("gate=softmax_topk experts=8 k=2 p=0.4 tau=1" + Tail, "p=0.4", "('p' does not; it takes gate, experts, k, tau, lb, capacity, zloss, bias)")]
    [InlineData("gate=softmax_topk experts=8 k=2 tau=1" + Tail + " bias=-0.001", "-0.001", "number for 'bias' (0..0.01)")]
    [InlineData("gate=top_p experts=8 p=0.4 tau=1" + Tail + " bias=0.5", "0.5", "number for 'bias' (0..0.01)")]
    [InlineData("gate=expert_choice experts=8 tau=1 capacity=2 bias=0", "bias", "a key that gate 'expert_choice' takes ('bias' does not; it takes gate, experts, tau, capacity, zloss)")]
    public void Default_space_errors(string text, string marker, string expected)
    {
        if (expected.Length == 0) // zloss: the marker "1" is ambiguous, so the position is the last value
        {
            var e = Assert.Throws<GenomeParseException>(() => new RoutingFamily(RoutingSpaces.Default).Parse(text));
            Assert.Equal(text.Length - 1, e.Position);
            Assert.Equal("number for 'zloss' (0..0.01)", e.Expected);
            return;
        }
        AssertError(RoutingSpaces.Default, text, marker, expected);
    }

    [Fact]
    public void A_gate_outside_the_space_is_named_with_the_allowed_ones() =>
        AssertError(RoutingSpaces.Narrow, "gate=softmax_topk experts=4 k=2 tau=1" + Tail, "softmax_topk",
            "one of noisy_topk, dense_to_sparse, expert_choice for 'gate'");

    [Fact]
    public void A_space_with_p_outside_zero_to_one_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new RoutingFamily(new RoutingSpace { TopP = new(0, 0.5) }));
        Assert.Throws<ArgumentException>(() => new RoutingFamily(new RoutingSpace { TopP = new(0.5, 1.5) }));
        Assert.Throws<ArgumentException>(() => new RoutingFamily(new RoutingSpace { BiasRate = new(-0.01, 0.01) }));
        _ = new RoutingFamily(new RoutingSpace { TopP = new(0.5, 1) }); // p = 1 is allowed
    }

    [Fact]
    public void An_omitted_zloss_whose_default_is_outside_the_space_is_reported() =>
        AssertError(new RoutingSpace { ZLoss = new(0.001, 0.01) }, "gate=expert_choice experts=8 tau=1 capacity=2", "$",
            "key 'zloss' (its default 0 is outside 0.001..0.01)");
}
