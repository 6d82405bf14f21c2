using Search.Genomes.KanBasis;

namespace Evaluators.Families.KanBasis.Export;

/// <summary>
/// The network an export writes: after flattening, one KAN layer per Linear site of the template
/// (<c>LinearSlotNet</c>), registered as layer0, layer1, ... as the template registers them, so
/// state_dict names match. Site s runs genome layer min(s, L-1) (<see cref="KanGenomeSlot"/>).
/// With the trained widths, each site gets the layer class its width makes (<see cref="KanLayerPlan.Effective"/>);
/// without them, one class per genome layer.
/// </summary>
public sealed class KanNetworkPlan
{
    private KanNetworkPlan(KanBasisGenome genome, IReadOnlyList<int>? widths, IReadOnlyList<KanLayerPlan> classes, IReadOnlyList<int> classOfSite)
    {
        Genome = genome;
        Widths = widths;
        Classes = classes;
        ClassOfSite = classOfSite;
    }

    public KanBasisGenome Genome { get; }

    /// <summary>[inputs, hidden..., outputs] of the trained network; null when the run kept none.</summary>
    public IReadOnlyList<int>? Widths { get; }

    public IReadOnlyList<KanLayerPlan> Classes { get; }

    /// <summary>The class of each site (of each genome layer when the widths are unknown); later sites take the last.</summary>
    public IReadOnlyList<int> ClassOfSite { get; }

    /// <exception cref="ArgumentException">Widths with fewer than two entries or a non-positive one, or an override outside its layer.</exception>
    public static KanNetworkPlan Of(KanBasisGenome genome, IReadOnlyList<int>? widths)
    {
        if (widths is null)
            return new(genome, null, genome.Layers.Select(KanLayerPlan.Of).ToArray(), Enumerable.Range(0, genome.Layers.Count).ToArray());
        if (widths.Count < 2 || widths.Any(w => w < 1))
            throw new ArgumentException($"KAN widths [{string.Join(", ", widths)}]: need inputs, outputs and positive sizes", nameof(widths));
        var classes = new List<KanLayerPlan>();
        var classOfSite = new List<int>();
        for (int s = 0; s + 1 < widths.Count; s++)
        {
            var layer = KanLayerPlan.Effective(genome.Layers[Math.Min(s, genome.Layers.Count - 1)], widths[s]);
            int known = classes.FindIndex(c => c.Layer.Text == layer.Text);
            if (known < 0) { known = classes.Count; classes.Add(KanLayerPlan.Of(layer)); }
            classOfSite.Add(known);
        }
        return new(genome, widths, classes, classOfSite);
    }

    public static string SiteName(int site) => $"layer{site}";

    /// <summary>
    /// Every tensor of the network as the TorchSharp module's state_dict lists it (known widths only):
    /// every site's parameters in registration order, then every site's buffers (TorchSharp gathers
    /// parameters and buffers over the whole tree in turn; PyTorch goes module by module).
    /// </summary>
    public IEnumerable<KanStateEntry> State()
    {
        var widths = Widths ?? throw new InvalidOperationException("the network's widths are unknown");
        var sites = Enumerable.Range(0, widths.Count - 1).Select(s => (Site: s, Plan: Classes[ClassOfSite[s]])).ToArray();
        var parameters = sites.SelectMany(s => s.Plan.Parameters.Select(p => (s.Site, s.Plan, P: p, Buffer: false)));
        var buffers = sites.SelectMany(s => s.Plan.Buffers.Select(p => (s.Site, s.Plan, P: p, Buffer: true)));
        return parameters.Concat(buffers).Select(e =>
            new KanStateEntry($"{SiteName(e.Site)}.{e.P.Name}", e.Plan.Shape(e.P, widths[e.Site], widths[e.Site + 1]), e.P, e.Buffer));
    }
}
