using System.Globalization;
using System.Net;
using System.Text;

namespace Cluster.Reports;

/// <summary>Escaping and number formatting for the report's HTML: every text that comes from a run goes through <see cref="Escape"/>.</summary>
public static class Html
{
    /// <summary>Text or attribute value with &amp;, &lt;, &gt;, quotes escaped.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A value for a table: 5 significant digits, invariant culture, "-" for none.</summary>
    public static string Num(double? v) => v is not { } x ? "-"
        : double.IsNaN(x) ? "NaN" : double.IsInfinity(x) ? (x > 0 ? "inf" : "-inf") : x.ToString("G5", CultureInfo.InvariantCulture);

    /// <summary>A coordinate for SVG: two decimals, invariant culture.</summary>
    public static string Coord(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Int(long v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>Appends &lt;table class="..."&gt; with a header row of <paramref name="headers"/>.</summary>
    public static void TableStart(StringBuilder sb, string cssClass, IEnumerable<string> headers)
    {
        sb.Append("<table class=\"").Append(cssClass).Append("\"><thead><tr>");
        foreach (var h in headers) sb.Append("<th>").Append(Escape(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>\n");
    }

    public static void TableEnd(StringBuilder sb) => sb.Append("</tbody></table>\n");

    /// <summary>Appends one row of escaped cells; <paramref name="attributes"/> (already escaped) go into the &lt;tr&gt;.</summary>
    public static void Row(StringBuilder sb, string? attributes, IEnumerable<string> cells)
    {
        sb.Append("<tr");
        if (!string.IsNullOrEmpty(attributes)) sb.Append(' ').Append(attributes);
        sb.Append('>');
        foreach (var c in cells) sb.Append("<td>").Append(Escape(c)).Append("</td>");
        sb.Append("</tr>\n");
    }

    public static void Heading(StringBuilder sb, string text) => sb.Append("<h3>").Append(Escape(text)).Append("</h3>\n");

    public static void Note(StringBuilder sb, string cssClass, string text) =>
        sb.Append("<p class=\"").Append(cssClass).Append("\">").Append(Escape(text)).Append("</p>\n");
}
