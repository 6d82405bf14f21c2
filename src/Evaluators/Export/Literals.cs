using System.Text;
using Search.Genomes.Expressions;

namespace Evaluators.Export;

/// <summary>Number and string literals of the generated languages (shortest round-trip digits).</summary>
public static class Literals
{
    /// <summary>A C# double literal: always with a point or exponent, so overloads pick double.</summary>
    public static string CSharp(double v) =>
        double.IsNaN(v) ? "double.NaN"
        : double.IsPositiveInfinity(v) ? "double.PositiveInfinity"
        : double.IsNegativeInfinity(v) ? "double.NegativeInfinity"
        : Float(v);

    /// <summary>A Python float literal (never an int, so torch.tensor(...) is floating point).</summary>
    public static string Python(double v) =>
        double.IsNaN(v) ? "float(\"nan\")"
        : double.IsPositiveInfinity(v) ? "float(\"inf\")"
        : double.IsNegativeInfinity(v) ? "-float(\"inf\")"
        : Float(v);

    private static string Float(double v)
    {
        string r = Format.Number(v);
        return r.Contains('.') || r.Contains('E') ? r : r + ".0";
    }

    /// <summary>A double-quoted string literal, valid in both C# and Python.</summary>
    public static string QuotedString(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }
}
