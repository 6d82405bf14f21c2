using Cluster.Spaces.Yaml;
using Search.Genomes.Routing;
using Search.Genomes.Text;

namespace Cluster.Spaces.Families;

/// <summary>The "routing" family section: allowed gates, schedules and activations, and the range of every number.</summary>
internal sealed class RoutingSection : IFamilySection
{
    public string Family => "routing";

    public IReadOnlyList<string> Keys { get; } =
        ["name", "gates", "experts", "k", "temperature", "schedules", "steps", "activations", "load_balance", "capacity", "zloss", "top_p", "bias"];

    private static readonly IReadOnlyDictionary<string, GateType> Gates = NameTable.Of(Enum.GetValues<GateType>(), g => RoutingNames.Gates[g]);
    private static readonly IReadOnlyDictionary<string, ScheduleKind> Schedules = NameTable.Of(Enum.GetValues<ScheduleKind>(), k => RoutingNames.Schedules[k]);
    private static readonly IReadOnlyDictionary<string, GateActivation> Activations = NameTable.Of(Enum.GetValues<GateActivation>(), a => RoutingNames.Activations[a]);

    public object Read(YamlSection s)
    {
        var d = new RoutingSpace();
        var space = new RoutingSpace
        {
            Gates = s.Names("gates", "gate", Gates, d.Gates),
            Experts = Ints(s, "experts", d.Experts, 1),
            K = Ints(s, "k", d.K, 1),
            Temperature = Reals(s, "temperature", d.Temperature),
            Schedules = s.Names("schedules", "schedule", Schedules, d.Schedules),
            Steps = Ints(s, "steps", d.Steps, 1),
            Activations = s.Names("activations", "gate activation", Activations, d.Activations),
            LoadBalance = Reals(s, "load_balance", d.LoadBalance),
            Capacity = Reals(s, "capacity", d.Capacity),
            ZLoss = Reals(s, "zloss", d.ZLoss),
            TopP = Reals(s, "top_p", d.TopP),
            BiasRate = Reals(s, "bias", d.BiasRate),
        };
        return space;
    }

    private static IntRange Ints(YamlSection s, string key, IntRange fallback, int lo)
    {
        var (min, max) = s.IntRange(key, (fallback.Min, fallback.Max), lo, 100_000_000);
        return new IntRange(min, max);
    }

    private static RealRange Reals(YamlSection s, string key, RealRange fallback)
    {
        var (min, max) = s.RealRange(key, (fallback.Min, fallback.Max), 0, 1e6);
        return new RealRange(min, max);
    }
}
