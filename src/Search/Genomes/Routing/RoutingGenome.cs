using Search.Core;
using Search.Genomes.Text;

namespace Search.Genomes.Routing;

/// <summary>
/// A mixture-of-experts routing policy, e.g.
/// <c>gate=noisy_topk experts=8 k=2 tau=1 lb=0.01 capacity=1.25 zloss=0 bias=0</c>. Fields a gate does not
/// take are null. Always canonical; equal text means equal genome.
/// </summary>
public sealed class RoutingGenome : IGenome, IEquatable<RoutingGenome>
{
    private RoutingGenome(GateType gate, int experts, int? k, double? temperature, TemperatureSchedule? schedule,
        GateActivation? activation, double? loadBalance, double capacity, double zLoss, double? biasRate, double? topP)
    {
        (Gate, Experts, K, Temperature, Schedule, Activation, LoadBalance, Capacity, ZLoss, BiasRate, TopP) =
            (gate, experts, k, temperature, schedule, activation, loadBalance, capacity, zLoss, biasRate, topP);
        Text = string.Join(" ", RoutingNames.KeysOf(gate).Select(key => $"{key}={ValueText(key)}"));
        StructuralHash = StableHash.Combine(StableHash.Of(RoutingFamily.FamilyName), StableHash.Of(Text));
    }

    public GateType Gate { get; }
    public int Experts { get; }

    /// <summary>Experts per token; null for expert choice and top-p.</summary>
    public int? K { get; }

    /// <summary>Top-p threshold in (0, 1]: a token takes experts until their probabilities reach it; only for top_p.</summary>
    public double? TopP { get; }

    /// <summary>Fixed softmax temperature; null for dense-to-sparse, which has <see cref="Schedule"/>.</summary>
    public double? Temperature { get; }

    public TemperatureSchedule? Schedule { get; }

    /// <summary>Only for act_softmax.</summary>
    public GateActivation? Activation { get; }

    /// <summary>Switch auxiliary loss weight alpha (0 = off); null for expert choice.</summary>
    public double? LoadBalance { get; }

    /// <summary>Capacity factor: tokens per expert = tokens / experts * capacity (expert choice: c).</summary>
    public double Capacity { get; }

    /// <summary>Router z-loss weight (0 = off).</summary>
    public double ZLoss { get; }

    /// <summary>Update rate u of auxiliary-loss-free balancing (0 = off); null for expert choice.</summary>
    public double? BiasRate { get; }

    public string Text { get; }
    public ulong StructuralHash { get; }

    /// <summary>
    /// Builds a genome, checking the invariants that hold in every space: exactly the fields the gate
    /// takes, 1 &lt;= k &lt;= experts, 0 &lt; p &lt;= 1, positive temperatures with End &lt;= Start,
    /// non-negative weights and bias rate, positive capacity. A null <paramref name="biasRate"/> is 0 for
    /// the gates that take one (like zloss, it is optional). Range checks against a space are
    /// <see cref="RoutingSpaceCheck"/>'s job.
    /// </summary>
    public static RoutingGenome Create(GateType gate, int experts, int? k, double? temperature, TemperatureSchedule? schedule,
        GateActivation? activation, double? loadBalance, double capacity, double zLoss = 0, double? biasRate = null, double? topP = null)
    {
        var keys = RoutingNames.KeysOf(gate);
        if (keys.Contains(RoutingNames.Bias)) biasRate ??= 0;
        Require(keys.Contains(RoutingNames.K) == k.HasValue, "k");
        Require(keys.Contains(RoutingNames.P) == topP.HasValue, "p");
        Require(keys.Contains(RoutingNames.Bias) == biasRate.HasValue, "bias");
        Require(keys.Contains(RoutingNames.Tau) == temperature.HasValue, "tau");
        Require(keys.Contains(RoutingNames.Schedule) == (schedule is not null), "schedule");
        Require(keys.Contains(RoutingNames.Act) == activation.HasValue, "act");
        Require(keys.Contains(RoutingNames.LoadBalance) == loadBalance.HasValue, "lb");
        if (experts < 1) throw new ArgumentException($"experts must be at least 1 (is {experts})");
        if (k is { } kk && (kk < 1 || kk > experts)) throw new ArgumentException($"k must be in 1..experts ({experts}), is {kk}");
        if (temperature is { } t && !(t > 0 && double.IsFinite(t))) throw new ArgumentException($"tau must be positive (is {t})");
        if (schedule is { } s && !(s.End > 0 && s.End <= s.Start && double.IsFinite(s.Start) && s.Steps >= 1))
            throw new ArgumentException($"schedule needs 0 < tau_end <= tau_start and steps >= 1 ({s})");
        if (loadBalance is { } lb && !(lb >= 0 && double.IsFinite(lb))) throw new ArgumentException($"lb must be non-negative (is {lb})");
        if (!(capacity > 0 && double.IsFinite(capacity))) throw new ArgumentException($"capacity must be positive (is {capacity})");
        if (!(zLoss >= 0 && double.IsFinite(zLoss))) throw new ArgumentException($"zloss must be non-negative (is {zLoss})");
        if (topP is { } pp && !(pp > 0 && pp <= 1)) throw new ArgumentException($"p must be in (0, 1] (is {pp})");
        if (biasRate is { } u && !(u >= 0 && double.IsFinite(u))) throw new ArgumentException($"bias must be non-negative (is {u})");
        return new RoutingGenome(gate, experts, k, temperature, schedule, activation, loadBalance, capacity, zLoss, biasRate, topP);

        void Require(bool ok, string key)
        {
            if (!ok) throw new ArgumentException($"gate '{RoutingNames.Gates[gate]}' {(keys.Contains(key) ? "needs" : "takes no")} '{key}'");
        }
    }

    private string ValueText(string key) => key switch
    {
        RoutingNames.Gate => RoutingNames.Gates[Gate],
        RoutingNames.Experts => CanonicalNumber.Format(Experts),
        RoutingNames.K => CanonicalNumber.Format(K!.Value),
        RoutingNames.P => CanonicalNumber.Format(TopP!.Value),
        RoutingNames.Tau => CanonicalNumber.Format(Temperature!.Value),
        RoutingNames.TauStart => CanonicalNumber.Format(Schedule!.Start),
        RoutingNames.TauEnd => CanonicalNumber.Format(Schedule!.End),
        RoutingNames.Schedule => RoutingNames.Schedules[Schedule!.Kind],
        RoutingNames.Steps => CanonicalNumber.Format(Schedule!.Steps),
        RoutingNames.Act => RoutingNames.Activations[Activation!.Value],
        RoutingNames.LoadBalance => CanonicalNumber.Format(LoadBalance!.Value),
        RoutingNames.Capacity => CanonicalNumber.Format(Capacity),
        RoutingNames.ZLoss => CanonicalNumber.Format(ZLoss),
        RoutingNames.Bias => CanonicalNumber.Format(BiasRate!.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    public bool Equals(RoutingGenome? other) => other is not null && Text == other.Text;
    public override bool Equals(object? obj) => Equals(obj as RoutingGenome);
    public override int GetHashCode() => (int)StructuralHash;
    public override string ToString() => Text;
}
