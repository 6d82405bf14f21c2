using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Slots;

/// <summary>
/// Fills a slot with another factory's elementwise layer scaled to unit second moment under a
/// standard normal input (the NF-Net convention): y = g f(x) with g = 1 / sqrt(E[f(z)^2]), z ~ N(0, 1),
/// computed once per created layer from its initial parameters and then held fixed. Candidates
/// that differ only by a constant factor (relu and 2 relu) then train alike, so a proxy ranks
/// shapes, not gains. A function whose second moment is zero or not finite keeps g = 1 (the
/// sanity stage judges it).
/// </summary>
public sealed class UnitGainSlot(ISlotFactory inner) : ISlotFactory
{
    public ISlotFactory Inner { get; } = inner;
    public string Name => Inner.Name;

    public nn.Module<Tensor, Tensor> Create(SlotSite site)
    {
        var layer = Inner.Create(site);
        return new UnitGainLayer(layer, UnitGain.Of(layer));
    }
}

/// <summary>A layer times a fixed gain; the inner layer stays a child, so its parameters train and readers find it.</summary>
public sealed class UnitGainLayer : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> inner;

    public UnitGainLayer(nn.Module<Tensor, Tensor> layer, double gain) : base("unit_gain")
    {
        inner = layer;
        Gain = gain;
        RegisterComponents();
    }

    /// <summary>The fixed factor g.</summary>
    public double Gain { get; }

    public override Tensor forward(Tensor x) => inner.forward(x).mul(Gain);

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>The gain g = 1 / sqrt(E[f(z)^2]), z ~ N(0, 1), of an elementwise layer, by quadrature in float64.</summary>
public static class UnitGain
{
    // Composite Simpson over [-10, 10] (the normal density beyond is below 1e-22): 4096 intervals
    // give about 1e-6 relative error even at a kink such as relu's.
    private const int Intervals = 4096;
    private const double Limit = 10;

    private static readonly double[] Nodes = Enumerable.Range(0, Intervals + 1).Select(i => -Limit + 2 * Limit * i / Intervals).ToArray();

    // Simpson weights times the standard normal density at each node.
    private static readonly double[] Weights = Nodes.Select((z, i) =>
        (i == 0 || i == Intervals ? 1 : i % 2 == 1 ? 4 : 2) * (2 * Limit / Intervals) / 3 * Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI)).ToArray();

    /// <summary>E[f(z)^2] of <paramref name="layer"/> (evaluated without gradients on float64 inputs on the CPU).</summary>
    public static double SecondMoment(nn.Module<Tensor, Tensor> layer)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var y = layer.forward(tensor(Nodes, dtype: ScalarType.Float64)).to_type(ScalarType.Float64).cpu().data<double>().ToArray();
        if (y.Length != Nodes.Length) return double.NaN;
        double sum = 0;
        for (int i = 0; i < y.Length; i++) sum += Weights[i] * y[i] * y[i];
        return sum;
    }

    /// <summary>The gain, or 1 when the second moment is zero or not finite.</summary>
    public static double Of(nn.Module<Tensor, Tensor> layer)
    {
        double m = SecondMoment(layer);
        return double.IsFinite(m) && m > 1e-12 ? 1 / Math.Sqrt(m) : 1;
    }
}
