using Search.Genomes.Expressions;

namespace Evaluators.Export;

/// <summary>
/// The body of a TorchSharp forward pass for an activation tree: one local per distinct op node
/// (equal subtrees computed once, as <c>ExpressionProgram</c> does), each the same TorchSharp call
/// that <c>ElementwiseOps</c> makes, so the generated module reproduces <c>ActivationModule</c>.
/// </summary>
public static class CSharpForward
{
    private const string SeluLambda = "1.0507009873554805", SeluAlpha = "1.6732632423543772";

    /// <summary>Statements of the forward body (input <c>x</c>), indented by <paramref name="indent"/>.</summary>
    /// <param name="field">The C# expression of a learnable's parameter field.</param>
    /// <param name="aggregate">Code of an aggregate node given its operand's code (norm-act); null refuses aggregates.</param>
    public static IReadOnlyList<string> Body(Expr root, Func<string, string> field, string indent,
        Func<UnaryExpr, string, string>? aggregate = null)
    {
        if (root is VarExpr) return [indent + "return x;"];
        if (ConstantSubtree.TryValue(root, out double number)) return [$"{indent}return full_like(x, {Literals.CSharp(number)});"];
        var lines = new List<string> { indent + "using var scope = NewDisposeScope();" };
        var locals = new Dictionary<Expr, string>();
        string result = Operand(root);
        // A tree without x (only when parsed from such text) still maps x to a tensor of x's shape.
        if (!ExprMetrics.ContainsVariable(root)) result = $"{result}.expand_as(x)";
        lines.Add($"{indent}return scope.MoveToOuter({result});");
        return lines;

        // A leaf is written in place; an op node becomes a local once and is referred to by name.
        string Operand(Expr e)
        {
            if (e is VarExpr) return "x";
            if (e is LearnableExpr l) return field(l.Name);
            if (ConstantSubtree.TryValue(e, out double k)) return Literals.CSharp(k);
            if (locals.TryGetValue(e, out var known)) return known;
            string code = e switch
            {
                UnaryExpr u when u.Op.IsAggregate() && aggregate is not null => aggregate(u, Operand(u.Operand)),
                UnaryExpr u => Unary(u.Op, Operand(u.Operand)),
                BinaryExpr b => Binary(b, Operand(b.Left), Operand(b.Right)),
                _ => throw new ArgumentException($"unknown node {e.GetType().Name}", nameof(root)),
            };
            string name = "t" + locals.Count;
            lines.Add($"{indent}var {name} = {code};");
            return locals[e] = name;
        }
    }

    private static string Unary(UnaryOp op, string a) => op switch
    {
        UnaryOp.Neg => $"{a}.neg()",
        UnaryOp.Abs => $"{a}.abs()",
        UnaryOp.Square => $"{a}.square()",
        UnaryOp.Cube => $"{a}.pow(3)",
        UnaryOp.Sqrt => $"{a}.sqrt()",
        UnaryOp.LogAbsEps => $"{a}.abs().add({Literals.CSharp(ScalarMath.Eps)}).log()",
        UnaryOp.Exp => $"{a}.exp()",
        UnaryOp.Sin => $"{a}.sin()",
        UnaryOp.Cos => $"{a}.cos()",
        UnaryOp.Sinh => $"{a}.sinh()",
        UnaryOp.Cosh => $"{a}.cosh()",
        UnaryOp.Tanh => $"{a}.tanh()",
        UnaryOp.Asinh => $"{a}.asinh()",
        UnaryOp.Atan => $"{a}.atan()",
        UnaryOp.Sinc => $"{a}.div(Math.PI).sinc()", // torch's sinc is normalised: sin(pi t)/(pi t)
        UnaryOp.Sigmoid => $"{a}.sigmoid()",
        UnaryOp.Softplus => $"nn.functional.softplus({a})",
        UnaryOp.Erf => $"{a}.erf()",
        UnaryOp.Relu => $"{a}.relu()",
        UnaryOp.Gelu => $"nn.functional.gelu({a})",
        UnaryOp.Silu => $"nn.functional.silu({a})",
        UnaryOp.Elu => $"nn.functional.elu({a}, 1.0)",
        UnaryOp.Selu => $"nn.functional.elu({a}, {SeluAlpha}).mul({SeluLambda})",
        UnaryOp.LeakyRelu => $"nn.functional.leaky_relu({a}, 0.01)",
        UnaryOp.Softsign => $"{a}.div({a}.abs().add(1.0))",
        UnaryOp.Mish => $"{a}.mul(nn.functional.softplus({a}).tanh())",
        UnaryOp.SignedLog => $"{a}.sign().mul({a}.abs().clamp_min(1e-30).log())",
        UnaryOp.SignedSqrt => $"{a}.sign().mul({a}.abs().sqrt())",
        _ => throw new NotSupportedException($"{op} has no TorchSharp form here (aggregates are not exported to TorchSharp)"),
    };

    private static string Binary(BinaryExpr b, string left, string right)
    {
        if (ConstantSubtree.TryValue(b.Right, out _)) return WithRightNumber(b.Op, left, right);
        if (ConstantSubtree.TryValue(b.Left, out _)) return WithLeftNumber(b.Op, left, right);
        return b.Op switch
        {
            BinaryOp.Add => $"{left}.add({right})",
            BinaryOp.Sub => $"{left}.sub({right})",
            BinaryOp.Mul => $"{left}.mul({right})",
            BinaryOp.Div => $"{left}.div({right})",
            BinaryOp.Max => $"{left}.maximum({right})",
            BinaryOp.Min => $"{left}.minimum({right})",
            _ => throw new NotSupportedException($"unknown binary op {b.Op}"),
        };
    }

    private static string WithRightNumber(BinaryOp op, string x, string c) => op switch
    {
        BinaryOp.Add => $"{x}.add({c})",
        BinaryOp.Sub => $"{x}.sub({c})",
        BinaryOp.Mul => $"{x}.mul({c})",
        BinaryOp.Div => $"{x}.div({c})",
        BinaryOp.Max => $"{x}.clamp_min({c})",
        BinaryOp.Min => $"{x}.clamp_max({c})",
        _ => throw new NotSupportedException($"unknown binary op {op}"),
    };

    private static string WithLeftNumber(BinaryOp op, string c, string y) => op switch
    {
        BinaryOp.Add => $"{y}.add({c})",
        BinaryOp.Sub => $"{y}.neg().add({c})",
        BinaryOp.Mul => $"{y}.mul({c})",
        BinaryOp.Div => $"{y}.reciprocal().mul({c})",
        BinaryOp.Max => $"{y}.clamp_min({c})",
        BinaryOp.Min => $"{y}.clamp_max({c})",
        _ => throw new NotSupportedException($"unknown binary op {op}"),
    };
}
