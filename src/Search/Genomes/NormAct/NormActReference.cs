using Search.Genomes.Expressions;

namespace Search.Genomes.NormAct;

/// <summary>
/// The reference meaning of a norm-act genome on a dense (N,C,H,W) tensor, in doubles: slow and
/// exact, so compiled layers (TorchSharp) can be checked against it. Aggregates use the batch's own
/// statistics (training mode) and broadcast back to the input shape; parameters are per channel.
/// </summary>
public static class NormActReference
{
    /// <summary>The group count actually used: the configured one, lowered until it divides <paramref name="channels"/>.</summary>
    public static int EffectiveGroups(int groups, int channels)
    {
        int g = Math.Clamp(groups, 1, channels);
        while (channels % g != 0) g--;
        return g;
    }

    /// <param name="parameters">Per-channel values of v0, v1, gamma, beta (length C); missing ones take their init.</param>
    public static double[,,,] Evaluate(NormActGenome genome, double[,,,] x, int groups,
        IReadOnlyDictionary<string, double[]>? parameters = null)
    {
        var values = new Dictionary<Expr, double[,,,]>(ReferenceEqualityComparer.Instance);
        foreach (var node in genome.Nodes) values[node] = Node(node, values, x, groups, parameters);
        return values[genome.Root];
    }

    private static double[,,,] Node(Expr node, Dictionary<Expr, double[,,,]> values, double[,,,] x, int groups,
        IReadOnlyDictionary<string, double[]>? parameters) => node switch
    {
        VarExpr => x,
        ConstExpr c => Map(x, (_, _, _, _) => c.Value),
        LearnableExpr l => Map(x, (_, ch, _, _) => parameters?.GetValueOrDefault(l.Name)?[ch] ?? l.Init),
        UnaryExpr { Op: var op } u when op.IsAggregate() => Aggregate(op, values[u.Operand], groups),
        UnaryExpr u => Map(values[u.Operand], (n, c, h, w) => ScalarMath.Apply(u.Op, values[u.Operand][n, c, h, w])),
        BinaryExpr b => Map(x, (n, c, h, w) => ScalarMath.Apply(b.Op, values[b.Left][n, c, h, w], values[b.Right][n, c, h, w])),
        _ => throw new ArgumentException($"unknown node {node.GetType().Name}", nameof(node)),
    };

    private static double[,,,] Map(double[,,,] shape, Func<int, int, int, int, double> f)
    {
        var result = new double[shape.GetLength(0), shape.GetLength(1), shape.GetLength(2), shape.GetLength(3)];
        for (int n = 0; n < result.GetLength(0); n++)
        for (int c = 0; c < result.GetLength(1); c++)
        for (int h = 0; h < result.GetLength(2); h++)
        for (int w = 0; w < result.GetLength(3); w++)
            result[n, c, h, w] = f(n, c, h, w);
        return result;
    }

    // Each element's reduction set is identified by a key; elements with the same key share the statistic.
    private static double[,,,] Aggregate(UnaryOp op, double[,,,] a, int groups)
    {
        var (moment, axes) = op.Decompose();
        int channels = a.GetLength(1), g = EffectiveGroups(groups, channels), perGroup = channels / g;
        Func<int, int, (int, int)> key = axes switch
        {
            AggregateAxes.Batch => (_, c) => (0, c),
            AggregateAxes.Layer => (n, _) => (n, 0),
            AggregateAxes.Instance => (n, c) => (n, c),
            _ => (n, c) => (n, c / perGroup),
        };
        // Two passes (mean, then squared deviations) keep the variance free of cancellation.
        var sums = Accumulate(a, key, (_, _, v) => v);
        var squares = Accumulate(a, key, (_, _, v) => v * v);
        var deviations = Accumulate(a, key, (n, c, v) =>
        {
            var (sum, count) = sums[key(n, c)];
            double d = v - sum / count;
            return d * d;
        });
        var stat = sums.ToDictionary(kv => kv.Key, kv => moment switch
        {
            Moment.Mean => kv.Value.Sum / kv.Value.Count,
            Moment.SecondMoment => squares[kv.Key].Sum / kv.Value.Count,
            _ => Math.Sqrt(deviations[kv.Key].Sum / kv.Value.Count + ScalarMath.Eps),
        });
        return Map(a, (n, c, _, _) => stat[key(n, c)]);
    }

    private static Dictionary<(int, int), (double Sum, int Count)> Accumulate(double[,,,] a, Func<int, int, (int, int)> key,
        Func<int, int, double, double> term)
    {
        var totals = new Dictionary<(int, int), (double Sum, int Count)>();
        Map(a, (n, c, h, w) =>
        {
            var k = key(n, c);
            var (s, m) = totals.GetValueOrDefault(k);
            totals[k] = (s + term(n, c, a[n, c, h, w]), m + 1);
            return 0;
        });
        return totals;
    }
}
