namespace Cluster.Dashboard;

/// <summary>
/// How the dashboard renders its runs: the whole page and the inner HTML of its <c>&lt;div id="runs"&gt;</c>,
/// both from the run directories as they are on disk at the call (a live run's files may be missing or
/// mid-replace; an implementation shows what it can read and never throws for that).
/// </summary>
/// <remarks>
/// Element contract the dashboard's browser tests rely on, whatever the implementation: <c>&lt;div id="runs"&gt;</c>
/// holding per run <c>&lt;section class="run" data-run="RUNID"&gt;</c> (RUNID: the directory's name) with
/// <c>span.evaluated</c> (status Done), <c>span.total</c>, <c>span.state</c> (running|finished),
/// <c>table.front</c> of <c>tr.front-row[data-id]</c> (genome text inside), <c>tr.baseline-row</c> per baseline,
/// and <c>svg.front-plot</c> with one <c>circle.front-point[data-id]</c> per front member. With
/// <c>live</c> the page opens <c>new EventSource('/events')</c> and, on each message, fetches <c>/body</c>
/// and replaces <c>#runs</c>' innerHTML.
/// </remarks>
public interface IRunPages
{
    /// <summary>A full HTML document; <paramref name="live"/> adds the script that follows /events.</summary>
    string Page(IReadOnlyList<string> runDirectories, bool live);

    /// <summary>The inner HTML of <c>&lt;div id="runs"&gt;</c>.</summary>
    string Body(IReadOnlyList<string> runDirectories);
}
