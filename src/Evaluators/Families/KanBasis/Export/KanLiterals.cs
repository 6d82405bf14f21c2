using System.Globalization;
using System.Text;

namespace Evaluators.Families.KanBasis.Export;

/// <summary>
/// Trained float32 values as literals: the shortest digits that read back to the same float32
/// (Python parses them as doubles, and torch's float32 tensor rounds back to the exact value).
/// </summary>
public static class KanLiterals
{
    private const int PerLine = 8;

    public static string Python(float v) =>
        float.IsNaN(v) ? "float(\"nan\")" : float.IsPositiveInfinity(v) ? "float(\"inf\")" : float.IsNegativeInfinity(v) ? "-float(\"inf\")" : Digits(v);

    public static string CSharp(float v) =>
        float.IsNaN(v) ? "float.NaN" : float.IsPositiveInfinity(v) ? "float.PositiveInfinity" : float.IsNegativeInfinity(v) ? "float.NegativeInfinity" : Digits(v) + "f";

    /// <summary>Values separated by ", ", <see cref="PerLine"/> a line, each line indented and ending in a comma.</summary>
    public static void Lines(StringBuilder sb, IReadOnlyList<float> values, Func<float, string> literal, string indent)
    {
        for (int i = 0; i < values.Count; i += PerLine)
            sb.Append(indent).Append(string.Join(", ", values.Skip(i).Take(PerLine).Select(literal))).Append(",\n");
    }

    private static string Digits(float v)
    {
        string r = v.ToString("R", CultureInfo.InvariantCulture);
        return r.Contains('.') || r.Contains('E') ? r : r + ".0";
    }
}
