namespace Search.Genomes.Expressions;

/// <summary>Which statistic an aggregate computes.</summary>
public enum Moment { Mean = 0, SecondMoment = 1, Std = 2 }

/// <summary>Which axes of an (N,C,H,W) tensor an aggregate reduces.</summary>
public enum AggregateAxes
{
    /// <summary>(N,H,W): per channel.</summary>
    Batch = 0,
    /// <summary>(C,H,W): per sample.</summary>
    Layer = 1,
    /// <summary>(H,W): per sample and channel.</summary>
    Instance = 2,
    /// <summary>(C/g,H,W): per sample and channel group.</summary>
    Group = 3,
}

/// <summary>Decomposes the aggregate <see cref="UnaryOp"/>s (100..111) into moment and axes.</summary>
public static class AggregateInfo
{
    public static bool IsAggregate(this UnaryOp op) => (int)op >= 100 && (int)op <= 111;

    public static (Moment Moment, AggregateAxes Axes) Decompose(this UnaryOp op) =>
        op.IsAggregate()
            ? ((Moment)(((int)op - 100) % 3), (AggregateAxes)(((int)op - 100) / 3))
            : throw new ArgumentException($"{op} is not an aggregate", nameof(op));

    public static UnaryOp Compose(Moment moment, AggregateAxes axes) => (UnaryOp)(100 + 3 * (int)axes + (int)moment);

    public static IReadOnlyList<UnaryOp> All { get; } =
        Enumerable.Range(100, 12).Select(i => (UnaryOp)i).ToArray();
}
