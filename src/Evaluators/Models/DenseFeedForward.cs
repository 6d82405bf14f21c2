using Evaluators.Slots;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Evaluators.Models;

/// <summary>
/// The plain transformer feed-forward block, Linear(features, hidden) -> GELU -> Linear(hidden,
/// features), on the last dimension (so (B, T, features) in, the same shape out): the dense
/// baseline for a feed-forward slot and a filler for tests.
/// </summary>
public sealed class DenseFeedForward : nn.Module<Tensor, Tensor>
{
    private readonly Linear up;
    private readonly GELU gelu;
    private readonly Linear down;

    public DenseFeedForward(int features, int hidden) : base("dense_feed_forward")
    {
        if (features <= 0) throw new ArgumentOutOfRangeException(nameof(features), features, "must be positive");
        if (hidden <= 0) throw new ArgumentOutOfRangeException(nameof(hidden), hidden, "must be positive");
        Features = features;
        Hidden = hidden;
        up = nn.Linear(features, hidden);
        gelu = nn.GELU();
        down = nn.Linear(hidden, features);
        RegisterComponents();
    }

    public int Features { get; }
    public int Hidden { get; }

    public override Tensor forward(Tensor x) => down.forward(gelu.forward(up.forward(x)));

    protected override void Dispose(bool disposing)
    {
        if (disposing) { up.Dispose(); gelu.Dispose(); down.Dispose(); }
        base.Dispose(disposing);
    }
}

/// <summary>Fills every feed-forward slot with a <see cref="DenseFeedForward"/> of <c>expansion</c> times the slot's width (4, as in GPT).</summary>
public sealed class DenseFeedForwardSlots(int expansion = 4) : ISlotFactory
{
    public int Expansion { get; } = expansion > 0 ? expansion : throw new ArgumentOutOfRangeException(nameof(expansion), expansion, "must be positive");

    public string Name => Expansion == 4 ? "dense-ff" : $"dense-ff-x{Expansion}";

    public nn.Module<Tensor, Tensor> Create(SlotSite site)
    {
        if (site.InFeatures != site.OutFeatures)
            throw new ArgumentException($"a feed-forward slot keeps its width; this site maps {site.InFeatures} to {site.OutFeatures}", nameof(site));
        return new DenseFeedForward(site.InFeatures, Expansion * site.InFeatures);
    }
}
