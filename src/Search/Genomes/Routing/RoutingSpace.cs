using Search.Genomes.Text;

namespace Search.Genomes.Routing;

/// <summary>Settings of a routing search: allowed gates and choices, and the range of every number.</summary>
public sealed record RoutingSpace
{
    public IReadOnlyList<GateType> Gates { get; init; } = Enum.GetValues<GateType>();
    public IntRange Experts { get; init; } = new(2, 64);

    /// <summary>Range of k; a genome's k is also at most its expert count.</summary>
    public IntRange K { get; init; } = new(1, 8);

    /// <summary>Range of every temperature: tau, tau_start and tau_end.</summary>
    public RealRange Temperature { get; init; } = new(0.1, 10);

    public IReadOnlyList<ScheduleKind> Schedules { get; init; } = Enum.GetValues<ScheduleKind>();
    public IntRange Steps { get; init; } = new(100, 100_000);
    public IReadOnlyList<GateActivation> Activations { get; init; } = Enum.GetValues<GateActivation>();

    /// <summary>Switch load-balancing loss weight alpha; 0 (off) may be in range.</summary>
    public RealRange LoadBalance { get; init; } = new(0, 0.1);

    public RealRange Capacity { get; init; } = new(1, 4);
    public RealRange ZLoss { get; init; } = new(0, 0.01);

    /// <summary>Top-p threshold p; inside (0, 1].</summary>
    public RealRange TopP { get; init; } = new(0.1, 0.9);

    /// <summary>Update rate u of auxiliary-loss-free balancing; 0 (off) may be in range.</summary>
    public RealRange BiasRate { get; init; } = new(0, 0.01);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first inconsistent setting.</summary>
    public void Validate()
    {
        if (Gates.Count == 0) throw new ArgumentException("Gates needs at least one gate");
        if (Schedules.Count == 0 || Activations.Count == 0) throw new ArgumentException("Schedules and Activations need at least one member each");
        Experts.Validate(nameof(Experts));
        K.Validate(nameof(K));
        Steps.Validate(nameof(Steps));
        foreach (var (r, n) in new[] { (Temperature, "Temperature"), (LoadBalance, "LoadBalance"), (Capacity, "Capacity"), (ZLoss, "ZLoss"), (TopP, "TopP"), (BiasRate, "BiasRate") })
            r.Validate(n);
        if (Experts.Min < 1) throw new ArgumentException($"Experts must be at least 1 ({Experts})");
        if (K.Min < 1 || K.Min > Experts.Min) throw new ArgumentException($"K.Min must be in 1..Experts.Min ({K}, {Experts})");
        if (Steps.Min < 1) throw new ArgumentException($"Steps must be at least 1 ({Steps})");
        if (Temperature.Min <= 0 || Capacity.Min <= 0) throw new ArgumentException("Temperature and Capacity must be positive");
        if (LoadBalance.Min < 0 || ZLoss.Min < 0 || BiasRate.Min < 0)
            throw new ArgumentException($"LoadBalance ({LoadBalance}), ZLoss ({ZLoss}) and BiasRate ({BiasRate}) must not be negative");
        if (TopP.Min <= 0 || TopP.Max > 1) throw new ArgumentException($"TopP must lie in (0, 1] ({TopP})");
    }

    /// <summary>The k values allowed with <paramref name="experts"/> experts.</summary>
    public IntRange KFor(int experts) => new(K.Min, Math.Min(K.Max, experts));
}
