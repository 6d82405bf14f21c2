using System.Globalization;
using Search.Core;

namespace Search.Genomes.RealVector;

/// <summary>Reads `[v1, v2, ...]` (whitespace free around tokens); errors name the position and what was expected.</summary>
internal static class RealVectorParser
{
    /// <summary>The values and the start position of each in the text.</summary>
    public static (double[] Values, int[] Positions) Parse(string text)
    {
        int pos = 0;
        SkipSpace(text, ref pos);
        Expect(text, ref pos, '[', "'['");
        var values = new List<double>();
        var positions = new List<int>();
        SkipSpace(text, ref pos);
        if (pos < text.Length && text[pos] == ']') { pos++; }
        else
        {
            while (true)
            {
                SkipSpace(text, ref pos);
                positions.Add(pos);
                values.Add(ReadNumber(text, ref pos));
                SkipSpace(text, ref pos);
                if (pos < text.Length && text[pos] == ',') { pos++; continue; }
                Expect(text, ref pos, ']', "',' or ']'");
                break;
            }
        }
        SkipSpace(text, ref pos);
        if (pos != text.Length) throw new GenomeParseException(text, pos, "end of text");
        return ([.. values], [.. positions]);
    }

    private static double ReadNumber(string text, ref int pos)
    {
        int start = pos;
        while (pos < text.Length && (char.IsAsciiDigit(text[pos]) || text[pos] is '+' or '-' or '.' or 'e' or 'E')) pos++;
        var token = text.AsSpan(start, pos - start);
        if (token.Length == 0 || !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new GenomeParseException(text, start, "a finite number");
        return v;
    }

    private static void Expect(string text, ref int pos, char c, string expected)
    {
        if (pos >= text.Length || text[pos] != c) throw new GenomeParseException(text, pos, expected);
        pos++;
    }

    private static void SkipSpace(string text, ref int pos)
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
    }
}
