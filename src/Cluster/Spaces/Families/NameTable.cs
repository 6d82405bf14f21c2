using Search.Genomes.Expressions;

namespace Cluster.Spaces.Families;

/// <summary>Text names of enum members and ops as search-space files write them.</summary>
internal static class NameTable
{
    public static IReadOnlyDictionary<string, T> Of<T>(IEnumerable<T> values, Func<T, string> name) where T : notnull =>
        values.ToDictionary(name, v => v, StringComparer.Ordinal);

    /// <summary>Unary ops of a primitive set: prefix minus is "neg", powers are "square" and "cube", the rest by function name.</summary>
    public static IReadOnlyDictionary<string, UnaryOp> Unary(PrimitiveSet set, IEnumerable<UnaryOp> ops) => Of(ops, op => op switch
    {
        UnaryOp.Neg => "neg",
        UnaryOp.Square => "square",
        UnaryOp.Cube => "cube",
        _ => set.FunctionName(op),
    });

    public static IReadOnlyDictionary<string, BinaryOp> Binary { get; } = Of(Enum.GetValues<BinaryOp>(), op => op switch
    {
        BinaryOp.Add => "add", BinaryOp.Sub => "sub", BinaryOp.Mul => "mul", BinaryOp.Div => "div",
        BinaryOp.Max => "max", _ => "min",
    });
}
