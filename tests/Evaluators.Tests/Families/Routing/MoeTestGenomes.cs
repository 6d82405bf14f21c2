using Search.Genomes.Routing;

namespace Evaluators.Tests.Families.Routing;

/// <summary>Routing genomes for the layer tests, one per gate (top_p ignores k and uses p).</summary>
public static class MoeTestGenomes
{
    public static RoutingGenome Gate(GateType gate, int experts, int k, double capacity, double lb = 0.01, double zLoss = 0.001,
        double tau = 1.0, GateActivation activation = GateActivation.Gelu, double p = 0.4, double bias = 0) => gate switch
    {
        GateType.ExpertChoice => RoutingGenome.Create(gate, experts, null, tau, null, null, null, capacity, zLoss),
        GateType.DenseToSparse => RoutingGenome.Create(gate, experts, k, null,
            new TemperatureSchedule(4 * tau, tau, ScheduleKind.Cosine, 100), null, lb, capacity, zLoss, bias),
        GateType.ActSoftmax => RoutingGenome.Create(gate, experts, k, tau, null, activation, lb, capacity, zLoss, bias),
        GateType.TopP => RoutingGenome.Create(gate, experts, null, tau, null, null, lb, capacity, zLoss, bias, topP: p),
        _ => RoutingGenome.Create(gate, experts, k, tau, null, null, lb, capacity, zLoss, bias),
    };

    public static IEnumerable<object[]> Gates() => Enum.GetValues<GateType>().Select(g => new object[] { g });
}
