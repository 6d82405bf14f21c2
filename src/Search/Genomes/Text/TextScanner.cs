using System.Globalization;
using Search.Core;

namespace Search.Genomes.Text;

/// <summary>
/// A cursor over genome text for hand-written recursive-descent parsers. Every failure throws
/// <see cref="GenomeParseException"/> at the current (or a given) position, so errors always say where.
/// </summary>
public sealed class TextScanner(string text)
{
    public string Text { get; } = text;
    public int Position { get; set; }

    public bool AtEnd { get { SkipSpace(); return Position >= Text.Length; } }

    public void SkipSpace()
    {
        while (Position < Text.Length && char.IsWhiteSpace(Text[Position])) Position++;
    }

    /// <summary>The next non-space character, or '\0' at the end.</summary>
    public char Peek() { SkipSpace(); return Position < Text.Length ? Text[Position] : '\0'; }

    public bool TryConsume(char c)
    {
        if (Peek() != c) return false;
        Position++;
        return true;
    }

    public void Expect(char c, string expected)
    {
        if (!TryConsume(c)) throw Error(expected);
    }

    /// <summary>A lower-case identifier [a-z_][a-z0-9_]*; empty when none starts here.</summary>
    public string ReadIdentifier()
    {
        SkipSpace();
        int start = Position;
        while (Position < Text.Length && IsIdentChar(Text[Position], Position == start)) Position++;
        return Text[start..Position];
    }

    /// <summary>A number token: optional sign, digits with optional fraction, optional exponent. Empty when none.</summary>
    public string ReadNumberToken()
    {
        SkipSpace();
        int start = Position, p = Position;
        if (p < Text.Length && (Text[p] == '+' || Text[p] == '-')) p++;
        int digits = 0;
        while (p < Text.Length && char.IsAsciiDigit(Text[p])) { p++; digits++; }
        if (p < Text.Length && Text[p] == '.')
        {
            p++;
            while (p < Text.Length && char.IsAsciiDigit(Text[p])) { p++; digits++; }
        }
        if (digits == 0) return "";
        if (p < Text.Length && (Text[p] == 'e' || Text[p] == 'E'))
        {
            int q = p + 1;
            if (q < Text.Length && (Text[q] == '+' || Text[q] == '-')) q++;
            int expDigits = 0;
            while (q < Text.Length && char.IsAsciiDigit(Text[q])) { q++; expDigits++; }
            if (expDigits > 0) p = q;
        }
        Position = p;
        return Text[start..p];
    }

    /// <summary>Reads a finite number; null (position unchanged) when the text there is not one.</summary>
    public double? TryReadNumber()
    {
        int start = Position;
        string token = ReadNumberToken();
        if (token.Length > 0
            && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            && double.IsFinite(v))
            return v == 0 ? 0.0 : v; // folds -0 into 0
        Position = start;
        return null;
    }

    public GenomeParseException Error(string expected) => Error(Position, expected);

    public GenomeParseException Error(int position, string expected) => new(Text, position, expected);

    private static bool IsIdentChar(char c, bool first) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' || (!first && char.IsAsciiDigit(c));
}
