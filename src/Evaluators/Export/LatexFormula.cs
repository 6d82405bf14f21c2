using System.Globalization;
using Search.Genomes.Expressions;

namespace Evaluators.Export;

/// <summary>
/// A tree as a LaTeX formula (amsmath), e.g. <c>\mathrm{ReLU}(x) + e\,x\,e^{-x^{2}/2}</c>. Products
/// are juxtaposed with <c>\,</c>; division is <c>\frac</c>, except inside an exponent where it is
/// written a/b. Precedence: sums (1) &lt; products and a/b (2) &lt; negation (3) &lt; powers (4) &lt; atoms (5).
/// </summary>
public static class LatexFormula
{
    private static readonly HashSet<string> Greek = new(StringComparer.Ordinal)
    {
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
        "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
    };

    public static string Of(Expr expr) => Write(expr, inExponent: false).Text;

    private readonly record struct Tex(string Text, int Precedence);

    private static Tex Write(Expr e, bool inExponent) => e switch
    {
        VarExpr v => new(v.Name, 5),
        ConstExpr c => new(Number(c.Value), c.Value < 0 ? 3 : 5),
        LearnableExpr l => new(Name(l.Name), 5),
        UnaryExpr { Op: UnaryOp.Neg } u => new("-" + WrapUnless(Write(u.Operand, inExponent), 2, noSign: true), 3),
        UnaryExpr { Op: UnaryOp.Square or UnaryOp.Cube } u =>
            new(WrapUnless(Write(u.Operand, inExponent), 5) + (u.Op == UnaryOp.Square ? "^{2}" : "^{3}"), 4),
        UnaryExpr { Op: UnaryOp.Exp } u => new("e^{" + Write(u.Operand, inExponent: true).Text + "}", 4),
        UnaryExpr u => Function(u.Op, Write(u.Operand, inExponent).Text),
        BinaryExpr { Op: BinaryOp.Max or BinaryOp.Min } b =>
            new($"\\{(b.Op == BinaryOp.Max ? "max" : "min")}({Write(b.Left, inExponent).Text}, {Write(b.Right, inExponent).Text})", 5),
        BinaryExpr { Op: BinaryOp.Add } b => Add(b, inExponent),
        BinaryExpr { Op: BinaryOp.Sub } b =>
            new($"{Write(b.Left, inExponent).Text} - {WrapUnless(Write(b.Right, inExponent), 2, noSign: true)}", 1),
        BinaryExpr { Op: BinaryOp.Mul } b => Multiply(b, inExponent),
        BinaryExpr { Op: BinaryOp.Div } b when !inExponent =>
            new($"\\frac{{{Write(b.Left, false).Text}}}{{{Write(b.Right, false).Text}}}", 4), // bracketed as a power base
        BinaryExpr { Op: BinaryOp.Div } b =>
            new($"{WrapUnless(Write(b.Left, true), 2)}/{WrapUnless(Write(b.Right, true), 3, noSign: true)}", 2),
        _ => throw new ArgumentException($"unknown node {e.GetType().Name}", nameof(e)),
    };

    // x + -3 and x + (-y) read better as x - 3 and x - y.
    private static Tex Add(BinaryExpr b, bool inExponent)
    {
        string left = Write(b.Left, inExponent).Text;
        if (b.Right is ConstExpr { Value: < 0 } c) return new($"{left} - {Number(-c.Value)}", 1);
        if (b.Right is UnaryExpr { Op: UnaryOp.Neg } n) return new($"{left} - {WrapUnless(Write(n.Operand, inExponent), 2, noSign: true)}", 1);
        return new($"{left} + {WrapUnless(Write(b.Right, inExponent), 2)}", 1);
    }

    // Juxtaposition, except before a number (x \cdot 2); a signed right factor is parenthesised.
    private static Tex Multiply(BinaryExpr b, bool inExponent)
    {
        string left = WrapUnless(Write(b.Left, inExponent), 2), right = WrapUnless(Write(b.Right, inExponent), 2, noSign: true);
        return new(left + (b.Right is ConstExpr ? " \\cdot " : "\\,") + right, 2);
    }

    private static string WrapUnless(Tex t, int atLeast, bool noSign = false) =>
        t.Precedence >= atLeast && !(noSign && t.Text.StartsWith('-')) ? t.Text : $"({t.Text})";

    private static Tex Function(UnaryOp op, string a)
    {
        if (op.IsAggregate())
        {
            var (moment, axes) = op.Decompose();
            string stat = moment switch { Moment.Mean => "mean", Moment.SecondMoment => "m2", _ => "std" };
            string over = axes.ToString().ToLowerInvariant();
            return new($"\\mathrm{{{stat}}}_{{\\mathrm{{{over}}}}}({a})", 5);
        }
        return op switch
        {
            UnaryOp.Abs => new($"|{a}|", 5),
            UnaryOp.Sqrt => new($"\\sqrt{{{a}}}", 5),
            UnaryOp.LogAbsEps => new($"\\ln(|{a}| + {Number(ScalarMath.Eps)})", 5),
            UnaryOp.SignedLog => new($"\\operatorname{{sign}}({a})\\,\\ln|{a}|", 2),
            UnaryOp.SignedSqrt => new($"\\operatorname{{sign}}({a})\\sqrt{{|{a}|}}", 2),
            _ => new($"{FunctionName(op)}({a})", 5),
        };
    }

    private static string FunctionName(UnaryOp op) => op switch
    {
        UnaryOp.Sin => "\\sin", UnaryOp.Cos => "\\cos", UnaryOp.Sinh => "\\sinh", UnaryOp.Cosh => "\\cosh",
        UnaryOp.Tanh => "\\tanh", UnaryOp.Asinh => "\\operatorname{arsinh}", UnaryOp.Atan => "\\arctan",
        UnaryOp.Sinc => "\\operatorname{sinc}", UnaryOp.Sigmoid => "\\sigma", UnaryOp.Softplus => "\\operatorname{softplus}",
        UnaryOp.Erf => "\\operatorname{erf}", UnaryOp.Relu => "\\mathrm{ReLU}", UnaryOp.Gelu => "\\mathrm{GELU}",
        UnaryOp.Silu => "\\mathrm{SiLU}", UnaryOp.Elu => "\\mathrm{ELU}", UnaryOp.Selu => "\\mathrm{SELU}",
        UnaryOp.LeakyRelu => "\\mathrm{LeakyReLU}", UnaryOp.Softsign => "\\operatorname{softsign}", UnaryOp.Mish => "\\mathrm{Mish}",
        _ => throw new ArgumentException($"{op} has no LaTeX name", nameof(op)),
    };

    /// <summary>A learnable's symbol: Greek names as letters, trailing digits as a subscript (b2 -> b_{2}).</summary>
    public static string Name(string name)
    {
        int split = name.Length;
        while (split > 1 && char.IsAsciiDigit(name[split - 1])) split--;
        string stem = name[..split], digits = name[split..];
        string symbol = Greek.Contains(stem) ? "\\" + stem
            : stem.Length == 1 ? stem
            : $"\\mathit{{{stem.Replace("_", "\\_")}}}";
        return digits.Length > 0 ? $"{symbol}_{{{digits}}}" : symbol;
    }

    /// <summary>A number in LaTeX: shortest round-trip digits, exponents as \times 10^{n}.</summary>
    public static string Number(double v)
    {
        if (double.IsNaN(v)) return "\\mathrm{NaN}";
        if (double.IsInfinity(v)) return v > 0 ? "\\infty" : "-\\infty";
        string r = Format.Number(v);
        int e = r.IndexOf('E');
        if (e < 0) return r;
        string mantissa = r[..e];
        int exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string power = $"10^{{{exponent}}}";
        return mantissa switch { "1" => power, "-1" => "-" + power, _ => $"{mantissa} \\times {power}" };
    }
}
