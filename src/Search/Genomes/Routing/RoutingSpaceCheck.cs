namespace Search.Genomes.Routing;

/// <summary>Whether a routing genome lies inside a <see cref="RoutingSpace"/>; for tests and hand-built genomes.</summary>
public static class RoutingSpaceCheck
{
    /// <summary>Null when the genome is inside the space, else what is wrong first.</summary>
    public static string? Violation(RoutingSpace space, RoutingGenome g)
    {
        if (!space.Gates.Contains(g.Gate)) return $"gate {g.Gate} not allowed";
        if (!space.Experts.Contains(g.Experts)) return $"experts={g.Experts} outside {space.Experts}";
        if (g.K is { } k && !space.KFor(g.Experts).Contains(k)) return $"k={k} outside {space.KFor(g.Experts)}";
        if (g.TopP is { } p && !space.TopP.Contains(p)) return $"p={p} outside {space.TopP}";
        if (g.Temperature is { } t && !space.Temperature.Contains(t)) return $"tau={t} outside {space.Temperature}";
        if (g.Schedule is { } s)
        {
            if (!space.Temperature.Contains(s.Start) || !space.Temperature.Contains(s.End)) return $"schedule temperatures outside {space.Temperature}";
            if (!space.Schedules.Contains(s.Kind)) return $"schedule {s.Kind} not allowed";
            if (!space.Steps.Contains(s.Steps)) return $"steps={s.Steps} outside {space.Steps}";
        }
        if (g.Activation is { } a && !space.Activations.Contains(a)) return $"act {a} not allowed";
        if (g.LoadBalance is { } lb && !space.LoadBalance.Contains(lb)) return $"lb={lb} outside {space.LoadBalance}";
        if (!space.Capacity.Contains(g.Capacity)) return $"capacity={g.Capacity} outside {space.Capacity}";
        if (!space.ZLoss.Contains(g.ZLoss)) return $"zloss={g.ZLoss} outside {space.ZLoss}";
        if (g.BiasRate is { } u && !space.BiasRate.Contains(u)) return $"bias={u} outside {space.BiasRate}";
        return null;
    }
}
