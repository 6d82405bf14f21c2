using System.Text;
using Cluster.Reports.Views;

namespace Cluster.Reports;

/// <summary>
/// The report of one or more runs as one self-contained HTML document (inline CSS and SVG, nothing
/// fetched). <see cref="Body"/> is the content of &lt;div id="runs"&gt;: one &lt;section class="run"
/// data-run&gt; per run, side by side in a CSS grid. Pure: renders what the views were given, no I/O.
/// </summary>
public static class ReportHtml
{
    /// <summary>
    /// The full document. <paramref name="live"/> adds the dashboard's hook: an EventSource on /events,
    /// and on each message the content of #runs replaced with what /body serves.
    /// </summary>
    public static string Page(IReadOnlyList<RunView> runs, bool live = false)
    {
        var sb = new StringBuilder();
        string title = runs.Count == 1 ? runs[0].RunId : $"{runs.Count} runs";
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>search report: ").Append(Html.Escape(title)).Append("</title>\n<style>\n")
            .Append(Css).Append("</style>\n</head>\n<body>\n<div id=\"runs\">\n").Append(Body(runs)).Append("</div>\n");
        if (live) sb.Append(LiveScript);
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The inner HTML of &lt;div id="runs"&gt;: a section per run.</summary>
    public static string Body(IReadOnlyList<RunView> runs)
    {
        var sb = new StringBuilder();
        foreach (var run in runs) Section(sb, run);
        return sb.ToString();
    }

    /// <summary>One run's &lt;section class="run" data-run&gt;.</summary>
    public static void Section(StringBuilder sb, RunView run)
    {
        sb.Append("<section class=\"run\" data-run=\"").Append(Html.Escape(run.RunId)).Append("\">\n");
        HeaderView.Render(sb, run);
        foreach (var problem in run.Problems) sb.Append("<p class=\"problem\">").Append(Html.Escape(problem)).Append("</p>\n");
        ProgressView.Render(sb, run);
        FrontTableView.Render(sb, run);
        FrontPlotView.Render(sb, run);
        ProgressPlotView.Render(sb, run);
        FunctionsView.Render(sb, run);
        StagesView.Render(sb, run);
        RungsView.Render(sb, run);
        ArchitecturesView.Render(sb, run);
        ConfirmView.Render(sb, run);
        ValidateView.Render(sb, run);
        sb.Append("</section>\n");
    }

    /// <summary>The live hook the dashboard relies on: /events pushes, /body answers with <see cref="Body"/>.</summary>
    public const string LiveScript = """
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

    private const string Css = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 1em; color: #222; background: #fff; }
        #runs { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 1.5em; align-items: start; }
        section.run { border: 1px solid #ccc; border-radius: 6px; padding: 0 1em 1em; overflow-x: auto; }
        h2 { margin: .6em 0 .2em; font-size: 1.3em; } h3 { margin: 1.2em 0 .4em; font-size: 1.05em; }
        .run-info, .progress { margin: .2em 0; } .state { font-weight: bold; } .warning { color: #a40; } .no-history, .empty { color: #777; font-style: italic; }
        table { border-collapse: collapse; font-size: 12px; margin: .3em 0; } th, td { border-bottom: 1px solid #e4e4e4; padding: 2px 6px; text-align: left; vertical-align: top; }
        th { background: #f4f4f4; } td:nth-child(3) { font-family: ui-monospace, monospace; word-break: break-all; max-width: 28em; }
        tr.baseline-row, tr.baseline { color: #555; background: #fafafa; } tr.total { font-weight: bold; }
        svg { display: block; max-width: 100%; height: auto; margin: .3em 0; font-size: 10px; }
        .axis { stroke: #444; } .tick { stroke: #444; } .grid { stroke: #eee; } .tick-label, .axis-label { fill: #444; }
        .front-point { fill: #1f77b4; stroke: #fff; } .baseline-point { fill: #d62728; stroke: #fff; } line.baseline-point { stroke: #d62728; stroke-dasharray: 4 3; }
        .history-point { fill: #bbb; } .front-line { fill: none; stroke: #1f77b4; stroke-width: 1.5; opacity: .8; } .baseline-line { fill: none; stroke: #d62728; stroke-dasharray: 4 3; }
        .best-line { fill: none; stroke: #2ca02c; stroke-width: 2; } .best-point { fill: #2ca02c; }
        .best-line.rung0 { stroke: #9bd39b; } .best-line.rung1 { stroke: #5fb35f; } .best-line.rung2, .best-line.rung3 { stroke: #1a6e1a; }
        .curve { fill: none; stroke-width: 1.5; } .curve.front { opacity: .85; } .curve.baseline { stroke: #d62728; stroke-dasharray: 5 3; }
        .basis-fn { fill: none; stroke-width: 1.2; }
        .c0 { stroke: #1f77b4; border-color: #1f77b4; } .c1 { stroke: #ff7f0e; border-color: #ff7f0e; } .c2 { stroke: #2ca02c; border-color: #2ca02c; }
        .c3 { stroke: #9467bd; border-color: #9467bd; } .c4 { stroke: #8c564b; border-color: #8c564b; } .c5 { stroke: #e377c2; border-color: #e377c2; }
        .c6 { stroke: #17becf; border-color: #17becf; } .c7 { stroke: #7f7f7f; border-color: #7f7f7f; }
        ul.legend { list-style: none; padding: 0; margin: 0 0 .5em; font-size: 12px; font-family: ui-monospace, monospace; }
        .swatch { display: inline-block; width: 2em; margin-right: .5em; vertical-align: middle; border-top: 2px solid #1f77b4; }
        .swatch.baseline { border-top: 2px dashed #d62728; }
        .plots { display: flex; flex-wrap: wrap; gap: 0 1em; } .plots svg { max-width: 520px; }
        .load-bar { fill: #8c6bb1; } .uniform-line { stroke: #555; stroke-dasharray: 4 3; } figure.load { margin: 0; } figure.load figcaption { font: 12px ui-monospace, monospace; }
        figure.basis { margin: .5em 0; } figcaption { font-family: ui-monospace, monospace; font-size: 12px; }
        .formula { margin: .3em 0; } .formula code { font-size: 12px; } .latex { font-family: ui-monospace, monospace; color: #555; font-size: 11px; }
        svg circle:hover, svg rect:hover { stroke: #000; } svg polyline:hover { stroke-width: 3; }

        """;
}
