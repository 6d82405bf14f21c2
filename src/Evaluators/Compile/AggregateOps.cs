using Search.Genomes.Expressions;
using Search.Genomes.NormAct;
using static TorchSharp.torch;

namespace Evaluators.Compile;

/// <summary>
/// The norm-act aggregates on (N,C,H,W) tensors, matching <see cref="NormActReference"/>: a raw
/// moment (mean, E[a^2] or biased variance) over the aggregate's axes, kept shaped to broadcast
/// against the input, then <see cref="Finish"/> turns a variance into sqrt(var + eps).
/// Split in two so batch aggregates can swap the raw moment for a running estimate.
/// </summary>
public static class AggregateOps
{
    /// <summary>Mean, E[a^2], or biased variance of <paramref name="a"/> over the axes (keepdim).</summary>
    public static Tensor RawMoment(Moment moment, AggregateAxes axes, Tensor a, int groups) => axes switch
    {
        AggregateAxes.Batch => Reduce(moment, a, [0, 2, 3]),
        AggregateAxes.Layer => Reduce(moment, a, [1, 2, 3]),
        AggregateAxes.Instance => Reduce(moment, a, [2, 3]),
        _ => GroupMoment(moment, a, groups),
    };

    /// <summary>The statistic from its raw moment: std = sqrt(var + eps), the others as they are.</summary>
    public static Tensor Finish(Moment moment, Tensor raw) => moment == Moment.Std ? raw.add(ScalarMath.Eps).sqrt() : raw;

    /// <summary>An aggregate of a constant (the reference broadcasts it over x first).</summary>
    public static double OfConstant(Moment moment, double c) => moment switch
    {
        Moment.Mean => c,
        Moment.SecondMoment => c * c,
        _ => Math.Sqrt(ScalarMath.Eps),
    };

    private static Tensor Reduce(Moment moment, Tensor a, long[] dims) => moment switch
    {
        Moment.Mean => a.mean(dims, keepdim: true),
        Moment.SecondMoment => a.square().mean(dims, keepdim: true),
        _ => a.var(dims, unbiased: false, keepdim: true),
    };

    // Reduce each of g channel groups over (C/g,H,W), then give every channel its group's value.
    private static Tensor GroupMoment(Moment moment, Tensor a, int groups)
    {
        long n = a.shape[0], c = a.shape[1];
        int g = NormActReference.EffectiveGroups(groups, (int)c);
        var grouped = a.reshape(n, g, c / g, a.shape[2], a.shape[3]);
        return Reduce(moment, grouped, [2, 3, 4]).expand(n, g, c / g, 1, 1).reshape(n, c, 1, 1);
    }
}
