using Search.Core;
using Search.Genomes.Expressions;

namespace Search.Genomes.Activation;

/// <summary>
/// A scalar activation f(x), always canonical. Made only by <see cref="ActivationFamily"/>
/// (Parse, Random, operators, FromExpr); two genomes are equal when their texts are.
/// </summary>
public sealed class ActivationGenome : IGenome, IEquatable<ActivationGenome>
{
    internal ActivationGenome(Expr canonicalRoot)
    {
        Root = canonicalRoot;
        Text = ExprPrinter.Print(canonicalRoot, ActivationPrimitives.Set);
        StructuralHash = StableHash.Of(Text);
        Learnables = ExprMetrics.Learnables(canonicalRoot);
    }

    /// <summary>The canonical tree, for compilers to walk.</summary>
    public Expr Root { get; }

    public string Text { get; }

    /// <summary>FNV-1a 64 of <see cref="Text"/>.</summary>
    public ulong StructuralHash { get; }

    /// <summary>Learnable scalars, name to initial value, in order of first appearance.</summary>
    public IReadOnlyDictionary<string, double> Learnables { get; }

    public int NodeCount => ExprMetrics.TreeSize(Root);
    public int Depth => ExprMetrics.Depth(Root);

    /// <summary>f(x) with every learnable at its initial value.</summary>
    public double Evaluate(double x) => ScalarEvaluator.Evaluate(Root, x, l => l.Init);

    /// <summary>f(x) with the given learnable values; learnables not named keep their initial value.</summary>
    /// <exception cref="ArgumentException">A name that is not a learnable of this genome.</exception>
    public double Evaluate(double x, IReadOnlyDictionary<string, double> learnables)
    {
        foreach (var name in learnables.Keys)
            if (!Learnables.ContainsKey(name)) throw new ArgumentException($"'{name}' is not a learnable of {Text}", nameof(learnables));
        return ScalarEvaluator.Evaluate(Root, x, l => learnables.TryGetValue(l.Name, out double v) ? v : l.Init);
    }

    public bool Equals(ActivationGenome? other) => other is not null && other.Text == Text;
    public override bool Equals(object? obj) => Equals(obj as ActivationGenome);
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Text;
}
