using Evaluators.Slots;
using Search.Genomes.NormAct;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Families.NormAct;

/// <summary>
/// TorchSharp's own normalisation + ReLU pairs, by name: the baselines norm-act candidates are
/// compared with. bn-relu is BatchNorm2d + ReLU; gn-relu is group normalisation (GroupNormModule; groups lowered until they
/// divide the channels, as the group aggregates do) + ReLU.
/// </summary>
public sealed class BuiltinNormAct : ISlotFactory
{
    private static readonly string[] Known = ["bn-relu", "gn-relu"];

    public BuiltinNormAct(string name, int groups = 32)
    {
        if (!Known.Contains(name))
            throw new ArgumentException($"unknown built-in norm-act layer '{name}'; expected one of {string.Join(", ", Known)}");
        if (groups < 1) throw new ArgumentException($"groups = {groups}: expected at least 1", nameof(groups));
        Name = name;
        Groups = groups;
    }

    public static IEnumerable<string> Names => Known;
    public string Name { get; }
    public int Groups { get; }

    public nn.Module<Tensor, Tensor> Create(SlotSite site) => Name == "bn-relu"
        ? nn.Sequential(("bn", nn.BatchNorm2d(site.InFeatures)), ("relu", nn.ReLU()))
        : nn.Sequential(("gn", new GroupNormModule(NormActReference.EffectiveGroups(Groups, site.InFeatures), site.InFeatures)), ("relu", nn.ReLU()));
}
