using Search.Core;

namespace Search.Genomes.Expressions;

/// <summary>
/// Precedence-climbing parser for the grammar in README.md. It builds the tree as written; the
/// families canonicalise afterwards. Errors are <see cref="GenomeParseException"/>s with the
/// 0-based position of the offending token and what was expected there.
/// </summary>
public sealed class ExprParser
{
    /// <summary>Deepest nesting accepted: keeps hostile text from overflowing the stack (genomes are far shallower).</summary>
    public const int MaxNesting = 256;

    private readonly string _text;
    private readonly PrimitiveSet _set;
    private readonly List<Token> _tokens;
    private readonly Dictionary<string, (double Init, int Position)> _learnables = new(StringComparer.Ordinal);
    private int _pos, _nesting;

    private ExprParser(string text, PrimitiveSet set)
    {
        _text = text;
        _set = set;
        _tokens = Tokenizer.Tokenize(text);
    }

    /// <exception cref="GenomeParseException">
    /// Text that is not an expression over <paramref name="set"/>, or nests deeper than <see cref="MaxNesting"/>:
    /// the only exception any text raises (bench -- fuzz checks this).
    /// </exception>
    public static Expr Parse(string text, PrimitiveSet set)
    {
        var parser = new ExprParser(text, set);
        var expr = parser.ParseBinary(1);
        if (parser.Peek.Kind != TokenKind.End) throw parser.Error("an operator or end of input");
        // Long chains (x + x + ... ) build deep trees without deep parsing; later passes recurse on them.
        if (DeeperThan(expr, MaxNesting)) throw new GenomeParseException(text, 0, $"an expression at most {MaxNesting} levels deep");
        return expr;
    }

    private static bool DeeperThan(Expr root, int limit)
    {
        var stack = new Stack<(Expr Node, int Depth)>([(root, 1)]);
        while (stack.TryPop(out var item))
        {
            if (item.Depth > limit) return true;
            foreach (var child in item.Node.Children) stack.Push((child, item.Depth + 1));
        }
        return false;
    }

    private Token Peek => _tokens[_pos];
    private Token Next() => _tokens[_pos++];

    private GenomeParseException Error(string expected, Token? at = null)
    {
        var token = at ?? Peek;
        string got = token.Kind == TokenKind.End ? "end of input" : $"'{token.Lexeme}'";
        return new GenomeParseException(_text, token.Position, $"{expected}, got {got}");
    }

    private Token Expect(TokenKind kind, string expected) => Peek.Kind == kind ? Next() : throw Error(expected);

    private static int Precedence(TokenKind kind) => kind switch
    {
        TokenKind.Plus or TokenKind.Minus => 1,
        TokenKind.Star or TokenKind.Slash => 2,
        _ => 0,
    };

    // Left-associative binary levels: a - b - c = (a - b) - c.
    private Expr ParseBinary(int minPrecedence)
    {
        var left = ParseUnary();
        while (Precedence(Peek.Kind) is var p && p >= minPrecedence && p > 0)
        {
            var op = Next().Kind switch
            {
                TokenKind.Plus => BinaryOp.Add, TokenKind.Minus => BinaryOp.Sub,
                TokenKind.Star => BinaryOp.Mul, _ => BinaryOp.Div,
            };
            var right = ParseBinary(p + 1);
            left = new BinaryExpr(op, left, right);
        }
        return left;
    }

    // Prefix minus binds looser than ^ (so -x^2 = -(x^2)) and tighter than * and /.
    private Expr ParseUnary()
    {
        if (++_nesting > MaxNesting) throw Error($"at most {MaxNesting} levels of nesting");
        try
        {
            if (Peek.Kind != TokenKind.Minus) return ParsePostfix();
            Next();
            return new UnaryExpr(UnaryOp.Neg, ParseUnary());
        }
        finally { _nesting--; }
    }

    private Expr ParsePostfix()
    {
        var expr = ParseAtom();
        while (Peek.Kind == TokenKind.Caret)
        {
            Next();
            var power = Peek;
            string allowed = _set.AllowCube ? "exponent 2 or 3" : "exponent 2";
            if (power.Kind != TokenKind.Number) throw Error(allowed);
            Next();
            expr = power.Lexeme switch
            {
                "2" => new UnaryExpr(UnaryOp.Square, expr),
                "3" when _set.AllowCube => new UnaryExpr(UnaryOp.Cube, expr),
                _ => throw Error(allowed, power),
            };
        }
        return expr;
    }

    private Expr ParseAtom()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Next();
                return new ConstExpr(token.Number);
            case TokenKind.LParen:
            {
                Next();
                var inner = ParseBinary(1);
                Expect(TokenKind.RParen, "')'");
                return inner;
            }
            case TokenKind.At:
                return ParseInlineLearnable();
            case TokenKind.Ident:
                Next();
                return Peek.Kind == TokenKind.LParen ? ParseCall(token) : ParseName(token);
            default:
                throw Error("a number, name, '@', '(' or '-'");
        }
    }

    private Expr ParseName(Token name)
    {
        if (name.Lexeme == _set.Variable) return new VarExpr(name.Lexeme);
        if (_set.FixedLearnables.TryGetValue(name.Lexeme, out double init)) return new LearnableExpr(name.Lexeme, init);
        if (_set.TryFunction(name.Lexeme, out _) || name.Lexeme is "max" or "min")
            throw Error($"'(' after function '{name.Lexeme}'");
        throw new GenomeParseException(_text, name.Position, $"a known name, got unknown name '{name.Lexeme}'; known: {_set.KnownNames}");
    }

    private Expr ParseCall(Token name)
    {
        Next(); // '('
        if (name.Lexeme is "max" or "min")
        {
            var a = ParseBinary(1);
            Expect(TokenKind.Comma, $"',' (function '{name.Lexeme}' takes 2 arguments)");
            var b = ParseBinary(1);
            Expect(TokenKind.RParen, "')'");
            return new BinaryExpr(name.Lexeme == "max" ? BinaryOp.Max : BinaryOp.Min, a, b);
        }
        if (!_set.TryFunction(name.Lexeme, out var op))
            throw new GenomeParseException(_text, name.Position,
                $"a known function, got unknown function '{name.Lexeme}'; known: {_set.KnownFunctions}");
        var operand = ParseBinary(1);
        if (Peek.Kind == TokenKind.Comma) throw Error($"')' (function '{name.Lexeme}' takes 1 argument)");
        Expect(TokenKind.RParen, "')'");
        return new UnaryExpr(op, operand);
    }

    // @name(init): init is a number with an optional leading minus.
    private Expr ParseInlineLearnable()
    {
        var at = Next();
        if (!_set.InlineLearnables) throw Error($"no '@' learnables in this family; named parameters are: {_set.KnownNames}", at);
        var name = Expect(TokenKind.Ident, "a learnable name after '@'");
        if (name.Lexeme == _set.Variable || _set.FixedLearnables.ContainsKey(name.Lexeme))
            throw Error($"a learnable name other than '{name.Lexeme}'", name);
        Expect(TokenKind.LParen, $"'(' and an initial value after '@{name.Lexeme}'");
        bool negative = Peek.Kind == TokenKind.Minus;
        if (negative) Next();
        var number = Expect(TokenKind.Number, "a number (the initial value)");
        Expect(TokenKind.RParen, "')'");
        double init = negative ? -number.Number : number.Number;
        if (_learnables.TryGetValue(name.Lexeme, out var seen) && !seen.Init.Equals(init))
            throw new GenomeParseException(_text, number.Position,
                $"init {Format.Number(seen.Init)} for '@{name.Lexeme}' as at position {seen.Position + 1}, got {number.Lexeme}");
        _learnables.TryAdd(name.Lexeme, (init, name.Position));
        return new LearnableExpr(name.Lexeme, init);
    }
}
