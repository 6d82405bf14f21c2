using Search.Genomes.Expressions;

namespace Evaluators.Export;

/// <summary>The running-statistic buffers of a norm-act layer: one per distinct batch aggregate.</summary>
public static class RunningStats
{
    /// <summary>A buffer: its name, the aggregate node it serves, and its starting value.</summary>
    public sealed record Buffer(string Name, UnaryExpr Node, double Initial);

    /// <summary>Buffers in order of first use (operands first), named running_mean_0, running_var_1, ...</summary>
    public static IReadOnlyList<Buffer> Of(Expr root) =>
        ExprMetrics.DistinctNodes(root).OfType<UnaryExpr>()
            .Where(u => u.Op.IsAggregate() && u.Op.Decompose().Axes == AggregateAxes.Batch)
            .Select((u, k) => u.Op.Decompose().Moment switch
            {
                Moment.Mean => new Buffer($"running_mean_{k}", u, 0),
                Moment.SecondMoment => new Buffer($"running_m2_{k}", u, 1),
                _ => new Buffer($"running_var_{k}", u, 1),
            }).ToArray();
}
