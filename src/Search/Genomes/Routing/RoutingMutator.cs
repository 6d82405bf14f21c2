using Search.Core;
using Search.Genomes.Text;

namespace Search.Genomes.Routing;

/// <summary>
/// Variation for routing genomes. A mutation makes one edit to a draft (change the gate, step
/// experts, k (top-p: move p) or capacity, perturb one continuous value on its range's scale, or switch a choice)
/// and repairs it through <see cref="RoutingDraft.Complete"/>. Crossover is uniform over fields.
/// </summary>
internal sealed class RoutingMutator(RoutingSpace space)
{
    private const int Attempts = 16;

    public RoutingGenome Random(Rng rng) => new RoutingDraft(rng.Pick(space.Gates)).Complete(space, rng);

    /// <summary>A mutant that differs from the parent when one exists within a few attempts; otherwise the parent.</summary>
    public RoutingGenome Mutate(RoutingGenome parent, Rng rng)
    {
        var draft = RoutingDraft.From(parent);
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            var child = Edit(draft, parent, rng).Complete(space, rng);
            if (child.Text != parent.Text) return child;
        }
        return parent;
    }

    /// <summary>
    /// Each field from either parent; a field the chosen gate takes but the chosen parent lacks comes
    /// from the other parent or, failing that, at random; then repaired (k capped, schedule ordered).
    /// </summary>
    public RoutingGenome Crossover(RoutingGenome a, RoutingGenome b, Rng rng)
    {
        RoutingDraft x = RoutingDraft.From(a), y = RoutingDraft.From(b);
        T? Pick<T>(T? u, T? v) where T : struct => rng.Chance(0.5) ? u ?? v : v ?? u;
        return new RoutingDraft(
            rng.Chance(0.5) ? x.Gate : y.Gate, Pick(x.Experts, y.Experts), Pick(x.K, y.K), Pick(x.Tau, y.Tau),
            Pick(x.TauStart, y.TauStart), Pick(x.TauEnd, y.TauEnd), Pick(x.Schedule, y.Schedule), Pick(x.Steps, y.Steps),
            Pick(x.Act, y.Act), Pick(x.LoadBalance, y.LoadBalance), Pick(x.Capacity, y.Capacity), Pick(x.ZLoss, y.ZLoss),
            Pick(x.TopP, y.TopP), Pick(x.Bias, y.Bias))
            .Complete(space, rng);
    }

    private RoutingDraft Edit(RoutingDraft d, RoutingGenome g, Rng rng)
    {
        switch (rng.NextInt(6))
        {
            case 0: // new gate: fields it shares with the old one are kept, the rest drawn in Complete
                var others = space.Gates.Where(x => x != d.Gate).ToArray();
                return others.Length == 0 ? d : d with { Gate = rng.Pick(others) };
            case 1:
                int e = d.Experts!.Value;
                return d with { Experts = rng.Chance(0.5) ? e + Sign(rng) : rng.Chance(0.5) ? e * 2 : e / 2 };
            case 2:
                if (d.K is { } k) return d with { K = k + Sign(rng) };
                return d.TopP is { } tp ? d with { TopP = space.TopP.Perturb(tp, rng) } : d; // top-p's k is its threshold
            case 3:
                return d with { Capacity = space.Capacity.Tidy(d.Capacity!.Value + 0.25 * Sign(rng)) };
            case 4:
                return PerturbContinuous(d, g, rng);
            default:
                if (g.Activation is { } act && space.Activations.Count > 1)
                    return d with { Act = rng.Pick(space.Activations.Where(a => a != act).ToArray()) };
                if (g.Schedule is { } s && space.Schedules.Count > 1)
                    return d with { Schedule = rng.Pick(space.Schedules.Where(x => x != s.Kind).ToArray()) };
                return d;
        }
    }

    /// <summary>One of p, tau, tau_start, tau_end, steps, lb, zloss, bias: log scale where the range is, else linear.</summary>
    private RoutingDraft PerturbContinuous(RoutingDraft d, RoutingGenome g, Rng rng)
    {
        var keys = RoutingNames.KeysOf(g.Gate);
        var fields = new[]
            {
                RoutingNames.P, RoutingNames.Tau, RoutingNames.TauStart, RoutingNames.TauEnd, RoutingNames.Steps,
                RoutingNames.LoadBalance, RoutingNames.ZLoss, RoutingNames.Bias,
            }
            .Where(keys.Contains).ToArray();
        return rng.Pick(fields) switch
        {
            RoutingNames.P => d with { TopP = space.TopP.Perturb(d.TopP!.Value, rng) },
            RoutingNames.Tau => d with { Tau = space.Temperature.Perturb(d.Tau!.Value, rng) },
            RoutingNames.TauStart => d with { TauStart = space.Temperature.Perturb(d.TauStart!.Value, rng) },
            RoutingNames.TauEnd => d with { TauEnd = space.Temperature.Perturb(d.TauEnd!.Value, rng) },
            RoutingNames.Steps => d with
            {
                Steps = space.Steps.Clamp((int)CanonicalNumber.RoundSignificant(d.Steps!.Value * Math.Exp(0.5 * rng.Normal()), 2)),
            },
            RoutingNames.LoadBalance => d with { LoadBalance = PerturbWeight(d.LoadBalance!.Value, space.LoadBalance, rng) },
            RoutingNames.Bias => d with { Bias = PerturbWeight(d.Bias!.Value, space.BiasRate, rng) },
            _ => d with { ZLoss = PerturbWeight(d.ZLoss!.Value, space.ZLoss, rng) },
        };
    }

    /// <summary>Loss weights sometimes switch off (0) or on (a fresh draw); otherwise they move on their scale.</summary>
    private static double PerturbWeight(double v, RealRange range, Rng rng)
    {
        if (range.Min == 0 && rng.Chance(0.2)) return v == 0 ? range.Sample(rng) : 0;
        return range.Perturb(v, rng);
    }

    private static int Sign(Rng rng) => rng.Chance(0.5) ? 1 : -1;
}
