using Bench.Fuzz.Targets;

namespace Bench.Fuzz;

/// <summary>Every fuzz target, by name: the four genome parsers, the space loader, the two dataset readers, the protocol decoder.</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<IFuzzTarget> All() =>
        [new ActivationTarget(), new NormActTarget(), new KanBasisTarget(), new RoutingTarget(), new SpaceYamlTarget(),
         new IdxTarget(), new CifarTarget(), new ProtocolTarget()];

    public static IFuzzTarget Named(string name) =>
        All().FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"no fuzz target '{name}'; known: {string.Join(", ", All().Select(t => t.Name))}");
}
