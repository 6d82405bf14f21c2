using Search.Genomes.Expressions;

namespace Evaluators.Compile;

/// <summary>
/// The running-statistic buffers of a norm-act layer: <see cref="NormActModule"/> registers these and
/// the exports write the same, so a state_dict saved from the compiled module loads into the
/// exported classes. One per distinct batch
/// aggregate whose operand is not a constant, in evaluation order (operands first), named
/// running_mean, running_m2 or running_var by the statistic, then _1, _2, ... for further ones.
/// </summary>
public static class RunningStats
{
    /// <summary>A buffer: its name and the aggregate node it serves.</summary>
    public sealed record Buffer(string Name, UnaryExpr Node)
    {
        public Moment Moment => Node.Op.Decompose().Moment;

        /// <summary>The mean starts at 0; E[a^2] and the variance at 1 (a zero-mean, unit-variance input).</summary>
        public double Initial => Moment == Moment.Mean ? 0 : 1;

        /// <summary>The variance is tracked unbiased (count/(count-1)), as BatchNorm's running_var.</summary>
        public bool Unbiased => Moment == Moment.Std;
    }

    public static IReadOnlyList<Buffer> Of(Expr root)
    {
        var perKind = new Dictionary<Moment, int>();
        var buffers = new List<Buffer>();
        foreach (var u in ExprMetrics.DistinctNodes(root).OfType<UnaryExpr>())
        {
            if (!u.Op.IsAggregate() || u.Operand is ConstExpr) continue;
            var (moment, axes) = u.Op.Decompose();
            if (axes != AggregateAxes.Batch) continue;
            int k = perKind[moment] = perKind.GetValueOrDefault(moment) + 1;
            string name = moment switch { Moment.Mean => "running_mean", Moment.SecondMoment => "running_m2", _ => "running_var" };
            buffers.Add(new Buffer(k == 1 ? name : $"{name}_{k - 1}", u));
        }
        return buffers;
    }
}
