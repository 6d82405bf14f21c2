using Evaluators.Families.Activation;
using Evaluators.Families.KanBasis;
using Evaluators.Families.NormAct;
using Evaluators.Families.Routing;
using Search.Core;

namespace Evaluators.Families;

/// <summary>The registry of genome families: adding a family is one line here (and its folders).</summary>
public static class LayerFamilies
{
    public static IReadOnlyList<ILayerFamily> All { get; } =
    [
        new ActivationLayerFamily(),
        new NormActLayerFamily(),
        new KanBasisLayerFamily(),
        new RoutingLayerFamily(),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(f => f.Name).ToArray();

    /// <exception cref="ArgumentException">No family of that name; the message lists the known ones.</exception>
    public static ILayerFamily Get(string name) =>
        Find(name) ?? throw new ArgumentException($"unknown family '{name}'; known: {string.Join(", ", Names)}", nameof(name));

    public static ILayerFamily? Find(string name) => All.FirstOrDefault(f => f.Name == name);

    /// <exception cref="ArgumentException">A genome no registered family owns.</exception>
    public static ILayerFamily Of(IGenome genome) =>
        All.FirstOrDefault(f => f.Owns(genome))
        ?? throw new ArgumentException($"no registered family owns a {genome.GetType().Name}; known: {string.Join(", ", Names)}", nameof(genome));
}
