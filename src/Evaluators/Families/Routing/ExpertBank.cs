using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Evaluators.Families.Routing;

/// <summary>
/// E feed-forward experts Linear(d, h) -> GELU -> Linear(h, d), their weights stacked so all experts
/// run as two batched matmuls: w1 (E, d, h), b1 (E, h), w2 (E, h, d), b2 (E, d). Initialised as
/// nn.Linear is (uniform +-1/sqrt(fan_in)).
/// </summary>
public sealed class ExpertBank : nn.Module
{
    public ExpertBank(int experts, int features, int hidden) : base("experts")
    {
        if (experts < 1) throw new ArgumentException($"experts = {experts}: expected at least 1", nameof(experts));
        if (features < 1) throw new ArgumentException($"features = {features}: expected at least 1", nameof(features));
        if (hidden < 1) throw new ArgumentException($"hidden = {hidden}: expected at least 1", nameof(hidden));
        (Experts, Features, Hidden) = (experts, features, hidden);
        using var scope = NewDisposeScope();
        double b1 = 1.0 / Math.Sqrt(features), b2 = 1.0 / Math.Sqrt(hidden);
        Add("w1", empty(experts, features, hidden).uniform_(-b1, b1));
        Add("b1", empty(experts, hidden).uniform_(-b1, b1));
        Add("w2", empty(experts, hidden, features).uniform_(-b2, b2));
        Add("b2", empty(experts, features).uniform_(-b2, b2));
    }

    public int Experts { get; }
    public int Features { get; }
    public int Hidden { get; }

    public Tensor W1 => Get("w1");
    public Tensor B1 => Get("b1");
    public Tensor W2 => Get("w2");
    public Tensor B2 => Get("b2");

    /// <summary>Runs expert e on row block e: (E, C, d) -> (E, C, d).</summary>
    public Tensor Forward(Tensor buckets)
    {
        using var scope = NewDisposeScope();
        var h = nn.functional.gelu(buckets.bmm(W1).add(B1.unsqueeze(1)));
        return h.bmm(W2).add(B2.unsqueeze(1)).MoveToOuterDisposeScope();
    }

    private void Add(string name, Tensor initial)
    {
        var p = new Parameter(initial.DetachFromDisposeScope());
        p.DetachFromDisposeScope();
        register_parameter(name, p);
    }

    private Tensor Get(string name) => get_parameter(name) ?? throw new InvalidOperationException($"expert bank has no parameter '{name}'");
}
