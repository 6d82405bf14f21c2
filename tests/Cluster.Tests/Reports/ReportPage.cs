using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Cluster.Tests.Reports;

/// <summary>Reads a report's HTML back: the body as XML (which also proves it well-formed), elements by class, polyline points in data units.</summary>
internal sealed class ReportPage
{
    public ReportPage(string html)
    {
        Html = html;
        var start = html.IndexOf("<div id=\"runs\">", StringComparison.Ordinal);
        var end = html.LastIndexOf("</div>", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "no <div id=\"runs\"> in the page");
        // The runs' content must parse as XML: every element closed, every text escaped.
        Runs = XElement.Parse(html[start..(end + "</div>".Length)]);
    }

    public string Html { get; }
    public XElement Runs { get; }

    public static bool HasClass(XElement e, string cls) =>
        (e.Attribute("class")?.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(cls);

    public IEnumerable<XElement> All(string element, string cls) => Runs.Descendants(element).Where(e => HasClass(e, cls));

    public XElement One(string element, string cls) => Assert.Single(All(element, cls));

    public XElement Section(string runId) => Assert.Single(Runs.Elements("section"), s => s.Attribute("data-run")?.Value == runId);

    public static IEnumerable<XElement> Within(XElement root, string element, string cls) => root.Descendants(element).Where(e => HasClass(e, cls));

    /// <summary>A polyline's points turned back into data values with its &lt;svg&gt;'s data-x-range, data-y-range and data-area.</summary>
    public static IReadOnlyList<(double X, double Y)> DataPoints(XElement polyline)
    {
        var svg = polyline.Ancestors("svg").First();
        double[] Nums(string attr) => svg.Attribute(attr)!.Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var (xr, yr, area) = (Nums("data-x-range"), Nums("data-y-range"), Nums("data-area"));
        return polyline.Attribute("points")!.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p =>
        {
            var xy = p.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            double x = xr[0] + (xy[0] - area[0]) / (area[2] - area[0]) * (xr[1] - xr[0]);
            double y = yr[1] - (xy[1] - area[1]) / (area[3] - area[1]) * (yr[1] - yr[0]);
            return (x, y);
        }).ToArray();
    }

    public static int Count(string html, string pattern) => Regex.Matches(html, pattern).Count;
}
