using Cluster.Cli;
using Cluster.Reports;

namespace Cluster.Dashboard;

/// <summary>
/// The dashboard's pages are `search report`'s (<see cref="ReportHtml"/>), read afresh from the run
/// directories at every request, so the live page and a report of the same moment show the same views.
/// </summary>
/// <param name="composition">Loads each run's space (null: <see cref="SearchComposition.Default"/>).</param>
public sealed class ReportRunPages(SearchComposition? composition = null) : IRunPages
{
    public string Page(IReadOnlyList<string> runDirectories, bool live) => ReportHtml.Page(Load(runDirectories), live);

    public string Body(IReadOnlyList<string> runDirectories) => ReportHtml.Body(Load(runDirectories));

    private List<RunView> Load(IReadOnlyList<string> runDirectories) => runDirectories.Select(d => RunView.Load(d, composition)).ToList();
}
