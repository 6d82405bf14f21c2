using System.Globalization;
using System.Net;
using System.Text;
using Cluster.Protocol;

namespace Cluster.Dashboard;

/// <summary>
/// A plain renderer of the <see cref="IRunPages"/> element contract, until the report renderer
/// (Reports/ReportHtml) takes its place: counters, the front as a table and a scatter of its first two
/// objectives, the baselines. Every text is HTML-escaped; what a run's files do not hold yet is left out.
/// </summary>
public sealed class InterimRunPages : IRunPages
{
    /// <summary>The live page's script: every server-sent event refreshes #runs from /body, one fetch at a time.</summary>
    internal const string LiveScript = """
        <script>
        (function () {
          var source = new EventSource('/events');
          var busy = false, again = false;
          function refresh() {
            if (busy) { again = true; return; }
            busy = true;
            fetch('/body', { cache: 'no-store' })
              .then(function (r) { return r.ok ? r.text() : null; })
              .then(function (html) { if (html !== null) document.getElementById('runs').innerHTML = html; })
              .catch(function () { })
              .finally(function () { busy = false; if (again) { again = false; refresh(); } });
          }
          source.onmessage = refresh;
        })();
        </script>
        """;

    private const string Style = """
        <style>
        body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
        #runs { display: flex; flex-wrap: wrap; gap: 1.5em; align-items: flex-start; }
        section.run { border: 1px solid #ccc; border-radius: 6px; padding: 1em; min-width: 420px; }
        table { border-collapse: collapse; font-size: 0.9em; }
        td, th { padding: 0.15em 0.6em; text-align: left; border-bottom: 1px solid #eee; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .problem { color: #a00; }
        svg.front-plot { background: #fafafa; border: 1px solid #ddd; }
        circle.front-point { fill: #2a6fdb; }
        svg.front-plot text.axis { font-size: 10px; fill: #777; }
        </style>
        """;

    public string Page(IReadOnlyList<string> runDirectories, bool live)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>search dashboard</title>\n")
            .Append(Style).Append("</head>\n<body>\n<h1>search runs</h1>\n<div id=\"runs\">")
            .Append(Body(runDirectories)).Append("</div>\n");
        if (live) html.Append(LiveScript).Append('\n');
        return html.Append("</body>\n</html>\n").ToString();
    }

    public string Body(IReadOnlyList<string> runDirectories)
    {
        var html = new StringBuilder();
        foreach (string dir in runDirectories) Run(html, RunFiles.Read(dir));
        return html.ToString();
    }

    private static void Run(StringBuilder html, RunFiles run)
    {
        var status = run.Status;
        html.Append($"<section class=\"run\" data-run=\"{E(run.RunId)}\">\n<h2>{E(run.RunId)}</h2>\n");
        if (run.Info is { } info)
            html.Append($"<p class=\"info\">{E(info.SpaceName)} · {E(info.Family)} · {E(info.Strategy)} · seed {info.Seed} · started {E(info.StartedUtc.ToString("u", CultureInfo.InvariantCulture))}</p>\n");
        html.Append("<p class=\"counters\">evaluated <span class=\"evaluated\">").Append(status?.Done ?? 0)
            .Append("</span> of <span class=\"total\">").Append(status?.Total ?? run.Info?.MaxEvaluations ?? 0)
            .Append("</span> · <span class=\"state\">").Append(status?.IsDone == true ? "finished" : "running").Append("</span>");
        if (status is not null)
            html.Append($" · accepted {status.Accepted} · rejected {status.Rejected} · failed {status.Failed} · in flight {status.InFlight} · workers {status.Workers}");
        html.Append("</p>\n");
        foreach (string problem in run.Problems) html.Append($"<p class=\"problem\">{E(problem)}</p>\n");
        var front = status?.Front ?? [];
        Plot(html, front);
        html.Append("<table class=\"front\">\n<tr><th>id</th><th>genome</th><th>objectives</th></tr>\n");
        foreach (var member in front.OrderBy(m => m.Objectives.FirstOrDefault()))
            html.Append($"<tr class=\"front-row\" data-id=\"{member.Id}\"><td class=\"num\">{member.Id}</td><td class=\"genome\">{E(member.Genome)}</td><td class=\"num\">{E(Numbers(member.Objectives))}</td></tr>\n");
        html.Append("</table>\n");
        if (run.Baselines.Count > 0)
        {
            html.Append("<table class=\"baselines\">\n<tr><th>baseline</th><th>objectives</th></tr>\n");
            foreach (var b in run.Baselines)
                html.Append($"<tr class=\"baseline-row\"><td class=\"genome\">{E(b.Genome)}</td><td class=\"num\">{E(b.Objectives is { } o ? Numbers(o) : $"{b.Stage}: {b.Reason}")}</td></tr>\n");
            html.Append("</table>\n");
        }
        html.Append("</section>\n");
    }

    /// <summary>The front on its first two objectives (one: on a line); non-finite values sit on the edge.</summary>
    private static void Plot(StringBuilder html, FrontMember[] front)
    {
        const double width = 400, height = 260, pad = 24;
        double X(FrontMember m) => m.Objectives.Length > 0 ? m.Objectives[0] : 0;
        double Y(FrontMember m) => m.Objectives.Length > 1 ? m.Objectives[1] : 0;
        var (x0, x1) = Range(front.Select(X));
        var (y0, y1) = Range(front.Select(Y));
        html.Append($"<svg class=\"front-plot\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"front on the first two objectives\">\n");
        foreach (var m in front)
        {
            double cx = pad + Scale(X(m), x0, x1) * (width - 2 * pad);
            double cy = height - pad - Scale(Y(m), y0, y1) * (height - 2 * pad);
            html.Append($"<circle class=\"front-point\" data-id=\"{m.Id}\" cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"4\"><title>{m.Id}: {E(m.Genome)} ({E(Numbers(m.Objectives))})</title></circle>\n");
        }
        if (front.Length > 0)
        {
            // The ranges of the finite values, at the axes' ends.
            html.Append($"<text class=\"axis\" x=\"{pad}\" y=\"{height - 6}\">{E(N(x0))}</text>")
                .Append($"<text class=\"axis\" x=\"{width - pad}\" y=\"{height - 6}\" text-anchor=\"end\">{E(N(x1))}</text>")
                .Append($"<text class=\"axis\" x=\"4\" y=\"{height - pad}\">{E(N(y0))}</text>")
                .Append($"<text class=\"axis\" x=\"4\" y=\"{pad - 8}\">{E(N(y1))}</text>\n");
        }
        html.Append("</svg>\n");
    }

    private static string N(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    private static (double, double) Range(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        return finite.Length == 0 ? (0, 1) : (finite.Min(), finite.Max());
    }

    private static double Scale(double v, double lo, double hi) =>
        double.IsNaN(v) ? 0 : double.IsPositiveInfinity(v) ? 1 : double.IsNegativeInfinity(v) ? 0 : hi > lo ? (v - lo) / (hi - lo) : 0.5;

    private static string Numbers(double[] values) => string.Join(", ", values.Select(N));

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
