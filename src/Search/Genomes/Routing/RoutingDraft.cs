using Search.Core;
using Search.Genomes.Text;

namespace Search.Genomes.Routing;

/// <summary>
/// A routing policy under construction: every field may be missing. Operators edit drafts, and
/// <see cref="Complete"/> turns one into a valid genome of the space: it fills the fields the gate
/// takes but the draft lacks at random, clamps into range, caps k at the expert count and orders the
/// schedule's temperatures. That one repair step is why operators always yield valid genomes.
/// </summary>
internal sealed record RoutingDraft(
    GateType Gate, int? Experts = null, int? K = null, double? Tau = null, double? TauStart = null, double? TauEnd = null,
    ScheduleKind? Schedule = null, int? Steps = null, GateActivation? Act = null, double? LoadBalance = null,
    double? Capacity = null, double? ZLoss = null, double? TopP = null, double? Bias = null)
{
    public static RoutingDraft From(RoutingGenome g) => new(
        g.Gate, g.Experts, g.K, g.Temperature, g.Schedule?.Start, g.Schedule?.End, g.Schedule?.Kind, g.Schedule?.Steps,
        g.Activation, g.LoadBalance, g.Capacity, g.ZLoss, g.TopP, g.BiasRate);

    public RoutingGenome Complete(RoutingSpace space, Rng rng)
    {
        var keys = RoutingNames.KeysOf(Gate);
        int experts = space.Experts.Clamp(Experts ?? RandomInt(space.Experts, rng));
        var kRange = space.KFor(experts);
        int? k = keys.Contains(RoutingNames.K) ? kRange.Clamp(K ?? RandomInt(kRange, rng)) : null;
        double? topP = keys.Contains(RoutingNames.P) ? Fill(TopP, space.TopP, rng) : null;
        double? tau = keys.Contains(RoutingNames.Tau) ? Fill(Tau, space.Temperature, rng) : null;
        TemperatureSchedule? schedule = null;
        if (keys.Contains(RoutingNames.Schedule))
        {
            double a = Fill(TauStart, space.Temperature, rng), b = Fill(TauEnd, space.Temperature, rng);
            schedule = new TemperatureSchedule(Math.Max(a, b), Math.Min(a, b),
                Schedule is { } s && space.Schedules.Contains(s) ? s : rng.Pick(space.Schedules),
                space.Steps.Clamp(Steps ?? RandomSteps(space.Steps, rng)));
        }
        GateActivation? act = keys.Contains(RoutingNames.Act)
            ? Act is { } x && space.Activations.Contains(x) ? x : rng.Pick(space.Activations)
            : null;
        double? lb = keys.Contains(RoutingNames.LoadBalance) ? Fill(LoadBalance, space.LoadBalance, rng) : null;
        double? bias = keys.Contains(RoutingNames.Bias) ? Fill(Bias, space.BiasRate, rng) : null;
        return RoutingGenome.Create(Gate, experts, k, tau, schedule, act, lb,
            Fill(Capacity, space.Capacity, rng), Fill(ZLoss, space.ZLoss, rng), bias, topP);
    }

    /// <summary>A range that admits 0 gets exactly 0 (the term switched off) a quarter of the time.</summary>
    public static double Sample(RealRange range, Rng rng) =>
        range.Min == 0 && rng.Chance(0.25) ? 0 : range.Sample(rng);

    /// <summary>Steps are drawn log-uniformly and kept to two significant digits.</summary>
    public static int RandomSteps(IntRange range, Rng rng) =>
        range.Clamp((int)CanonicalNumber.RoundSignificant(Math.Exp(rng.Uniform(Math.Log(range.Min), Math.Log(range.Max + 1))), 2));

    private static double Fill(double? value, RealRange range, Rng rng) => value is { } v ? range.Clamp(v) : Sample(range, rng);

    private static int RandomInt(IntRange range, Rng rng) => rng.NextInt(range.Min, range.Max + 1);
}
