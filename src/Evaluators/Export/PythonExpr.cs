using Search.Genomes.Expressions;

namespace Evaluators.Export;

/// <summary>
/// An activation tree as one PyTorch expression over the tensor <c>x</c>, with the engine's op
/// definitions (see <see cref="UnaryOp"/>). Python precedence: + - (1) &lt; * / (2) &lt; unary - (3)
/// &lt; ** (4) &lt; atoms and calls (5); parentheses only where Python needs them.
/// </summary>
public static class PythonExpr
{
    /// <param name="learnable">The Python expression reading a learnable (e.g. <c>self.e</c>).</param>
    public static string Print(Expr expr, Func<string, string> learnable) => Write(expr, learnable).Text;

    /// <summary>One op node whose operands are already computed: <paramref name="operand"/> names them.</summary>
    /// <param name="aggregate">Code of an aggregate given its operand's code (norm-act).</param>
    public static string Node(Expr node, Func<Expr, string> operand, Func<string, string> learnable, Func<UnaryExpr, string, string> aggregate)
    {
        if (node is UnaryExpr u && u.Op.IsAggregate())
            return aggregate(u, IsComputed(u.Operand) ? operand(u.Operand) : Print(u.Operand, learnable));
        // Computed operands stand in as variables named after their locals; leaves stay as they are.
        var children = node.Children.Select(c => IsComputed(c) ? new VarExpr(operand(c)) : c).ToArray();
        return Print(node.WithChildren(children), learnable);
    }

    /// <summary>Whether a node is computed into a local (an op node that is not a constant subtree).</summary>
    public static bool IsComputed(Expr e) => e is UnaryExpr or BinaryExpr && !ConstantSubtree.TryValue(e, out _);

    private readonly record struct Code(string Text, int Precedence);

    private static Code Write(Expr e, Func<string, string> learnable) => e switch
    {
        VarExpr v => new(v.Name, 5),
        _ when ConstantSubtree.TryValue(e, out double k) => new(Literals.Python(k), k < 0 ? 3 : 5),
        LearnableExpr l => new(learnable(l.Name), 5),
        UnaryExpr { Op: UnaryOp.Neg } u => new("-" + Wrap(Write(u.Operand, learnable), 3), 3),
        UnaryExpr { Op: UnaryOp.Square or UnaryOp.Cube } u =>
            new(Wrap(Write(u.Operand, learnable), 5) + (u.Op == UnaryOp.Square ? " ** 2" : " ** 3"), 4),
        UnaryExpr u => new(Call(u.Op, Write(u.Operand, learnable).Text), 5),
        BinaryExpr { Op: BinaryOp.Max or BinaryOp.Min } b => new(MaxMin(b, learnable), 5),
        BinaryExpr b => Infix(b, learnable),
        _ => throw new ArgumentException($"unknown node {e.GetType().Name}", nameof(e)),
    };

    private static Code Infix(BinaryExpr b, Func<string, string> learnable)
    {
        int p = b.Op is BinaryOp.Add or BinaryOp.Sub ? 1 : 2;
        string left = Wrap(Write(b.Left, learnable), p), right = Wrap(Write(b.Right, learnable), p + 1);
        return new($"{left} {b.Op.Infix()} {right}", p);
    }

    // A constant side becomes a clamp bound (what the engine's tensor ops do); two tensors use maximum/minimum.
    private static string MaxMin(BinaryExpr b, Func<string, string> learnable)
    {
        string bound = b.Op == BinaryOp.Max ? "min" : "max";
        if (ConstantSubtree.TryValue(b.Right, out double r)) return $"torch.clamp({Write(b.Left, learnable).Text}, {bound}={Literals.Python(r)})";
        if (ConstantSubtree.TryValue(b.Left, out double l)) return $"torch.clamp({Write(b.Right, learnable).Text}, {bound}={Literals.Python(l)})";
        string fn = b.Op == BinaryOp.Max ? "torch.maximum" : "torch.minimum";
        return $"{fn}({Write(b.Left, learnable).Text}, {Write(b.Right, learnable).Text})";
    }

    private static string Wrap(Code c, int atLeast) => c.Precedence >= atLeast ? c.Text : $"({c.Text})";

    private static string Call(UnaryOp op, string a) => op switch
    {
        UnaryOp.Abs => $"torch.abs({a})",
        UnaryOp.Sqrt => $"torch.sqrt({a})",
        UnaryOp.LogAbsEps => $"torch.log(torch.abs({a}) + {Literals.Python(ScalarMath.Eps)})",
        UnaryOp.Exp => $"torch.exp({a})",
        UnaryOp.Sin => $"torch.sin({a})",
        UnaryOp.Cos => $"torch.cos({a})",
        UnaryOp.Sinh => $"torch.sinh({a})",
        UnaryOp.Cosh => $"torch.cosh({a})",
        UnaryOp.Tanh => $"torch.tanh({a})",
        UnaryOp.Asinh => $"torch.asinh({a})",
        UnaryOp.Atan => $"torch.atan({a})",
        // torch.sinc is normalised (sin(pi t)/(pi t)); t = a/pi gives sin(a)/a, and 1 at 0.
        UnaryOp.Sinc => $"torch.sinc({a} / math.pi)",
        UnaryOp.Sigmoid => $"torch.sigmoid({a})",
        UnaryOp.Softplus => $"F.softplus({a})",
        UnaryOp.Erf => $"torch.erf({a})",
        UnaryOp.Relu => $"torch.relu({a})",
        UnaryOp.Gelu => $"F.gelu({a})", // default approximate="none": the erf form
        UnaryOp.Silu => $"F.silu({a})",
        UnaryOp.Elu => $"F.elu({a}, alpha=1.0)",
        UnaryOp.Selu => $"F.selu({a})", // same lambda and alpha as the engine's
        UnaryOp.LeakyRelu => $"F.leaky_relu({a}, negative_slope=0.01)",
        UnaryOp.Softsign => $"F.softsign({a})",
        UnaryOp.Mish => $"F.mish({a})",
        UnaryOp.SignedLog => $"(torch.sign({a}) * torch.log(torch.abs({a}).clamp_min(1e-30)))",
        UnaryOp.SignedSqrt => $"(torch.sign({a}) * torch.sqrt(torch.abs({a})))",
        _ => throw new NotSupportedException($"{op} has no PyTorch form here (aggregates are not exported to PyTorch)"),
    };
}
