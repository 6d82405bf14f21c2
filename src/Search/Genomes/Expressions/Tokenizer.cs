using System.Globalization;
using Search.Core;

namespace Search.Genomes.Expressions;

/// <summary>Splits expression text into tokens; numbers use invariant culture with optional exponent.</summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
                if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
                {
                    int j = i + 1;
                    if (j < text.Length && (text[j] == '+' || text[j] == '-')) j++;
                    if (j < text.Length && char.IsAsciiDigit(text[j]))
                    {
                        i = j;
                        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                    }
                }
                string lexeme = text[start..i];
                if (!double.TryParse(lexeme, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                    throw new GenomeParseException(text, start, $"a finite number, got '{lexeme}'");
                tokens.Add(new Token(TokenKind.Number, lexeme, start, value));
                continue;
            }
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(new Token(TokenKind.Ident, text[start..i], start));
                continue;
            }
            TokenKind kind = c switch
            {
                '@' => TokenKind.At, '(' => TokenKind.LParen, ')' => TokenKind.RParen, ',' => TokenKind.Comma,
                '+' => TokenKind.Plus, '-' => TokenKind.Minus, '*' => TokenKind.Star, '/' => TokenKind.Slash,
                '^' => TokenKind.Caret,
                _ => throw new GenomeParseException(text, i, $"a number, name, operator or parenthesis, got '{c}'"),
            };
            tokens.Add(new Token(kind, c.ToString(), i++));
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }
}
