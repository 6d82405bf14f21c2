using Search.Core;
using Search.Genomes.Routing;
using Search.Tests.Genomes.Text;

namespace Search.Tests.Genomes.Routing;

/// <summary>
/// Writes a routing genome in a random equivalent non-canonical spelling: shuffled key order, numbers
/// spelled differently, zloss=0 and bias=0 sometimes omitted, spaces and tabs between pairs.
/// </summary>
public static class RoutingRespeller
{
    public static string Genome(RoutingGenome g, Rng rng)
    {
        var pairs = new List<string> { $"gate={RoutingNames.Gates[g.Gate]}", $"experts={NumberSpelling.Int(g.Experts, rng)}" };
        if (g.K is { } k) pairs.Add($"k={NumberSpelling.Int(k, rng)}");
        if (g.TopP is { } tp) pairs.Add($"p={NumberSpelling.Real(tp, rng)}");
        if (g.Temperature is { } t) pairs.Add($"tau={NumberSpelling.Real(t, rng)}");
        if (g.Schedule is { } s)
        {
            pairs.Add($"tau_start={NumberSpelling.Real(s.Start, rng)}");
            pairs.Add($"tau_end={NumberSpelling.Real(s.End, rng)}");
            pairs.Add($"schedule={RoutingNames.Schedules[s.Kind]}");
            pairs.Add($"steps={NumberSpelling.Int(s.Steps, rng)}");
        }
        if (g.Activation is { } a) pairs.Add($"act={RoutingNames.Activations[a]}");
        if (g.LoadBalance is { } lb) pairs.Add($"lb={NumberSpelling.Real(lb, rng)}");
        pairs.Add($"capacity={NumberSpelling.Real(g.Capacity, rng)}");
        if (g.ZLoss != 0 || rng.Chance(0.5)) pairs.Add($"zloss={NumberSpelling.Real(g.ZLoss, rng)}");
        if (g.BiasRate is { } u && (u != 0 || rng.Chance(0.5))) pairs.Add($"bias={NumberSpelling.Real(u, rng)}");
        rng.Shuffle(pairs);
        return NumberSpelling.Space(rng) + string.Join("", pairs.Select(p => p + " " + NumberSpelling.Space(rng)));
    }
}
