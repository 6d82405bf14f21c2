using System.Globalization;
using Cluster.Baselines;
using Cluster.Protocol;
using Cluster.Spaces;
using Search.MultiObjective.PerArchitecture;
using Spectre.Console;

namespace Cluster.Cli;

/// <summary>One row of a per-architecture table: "front" (with the proposal id) or "baseline", the genome, its values on the architecture's objectives and the gain text.</summary>
public sealed record ArchitectureRow(string Kind, long? Id, string Genome, IReadOnlyList<double> Values, string Gain);

/// <summary>The front of one architecture: its name, the objective names it covers, the reference baseline (if any) and its rows, front members best first, then baselines.</summary>
public sealed record ArchitectureTable(string Architecture, IReadOnlyList<string> Objectives, string? Reference, int FrontCount, IReadOnlyList<ArchitectureRow> Rows);

/// <summary>
/// The front per architecture (EvoNorms reports each one apart): for every task the space's objectives
/// name ("metric@task"), the run's front members that are non-dominated on that task's objectives,
/// best first, with their gain over the first accepted baseline (e.g. BN-ReLU) and every baseline's values.
/// Spaces whose objectives name no task print nothing. <see cref="Of"/> computes the tables (the HTML
/// report shows the same), <see cref="Print"/> writes them to the terminal.
/// </summary>
public static class ArchitectureTables
{
    /// <returns>One table per architecture; empty when the space's objectives name no task.</returns>
    public static IReadOnlyList<ArchitectureTable> Of(SearchSpace space, StatusReport status, IReadOnlyList<BaselineResult> baselines)
    {
        var metrics = space.Evaluation.Objectives;
        if (metrics.Count != space.Objectives.Count || !metrics.Any(m => ArchitectureFronts.ArchitectureOf(m) is not null)) return [];
        var front = status.Front.Where(f => f.Objectives.Length == metrics.Count).ToArray();
        var reference = baselines.FirstOrDefault(b => b.Objectives?.Length == metrics.Count);
        var fronts = ArchitectureFronts.Of(space.Objectives, metrics, front.Select(f => (IReadOnlyList<double>?)f.Objectives).ToArray(), reference?.Objectives);
        var tables = new List<ArchitectureTable>();
        foreach (var arch in fronts)
        {
            var rows = new List<ArchitectureRow>();
            var first = arch.Objectives[0];
            foreach (var m in arch.Members.OrderBy(m => space.Objectives.Items[first].ToMinimized(m.Values[0])))
            {
                var f = front[m.Entry];
                string gain = reference is null ? "" : string.Join(", ", m.Gains.Select(ProgressDisplay.Signed))
                    + (m.DominatesBaseline ? " (dominates)" : m.DominatedByBaseline ? " (dominated)" : "");
                rows.Add(new ArchitectureRow("front", f.Id, f.Genome, m.Values.ToArray(), gain));
            }
            foreach (var b in baselines.Where(b => b.Objectives?.Length == metrics.Count))
                rows.Add(new ArchitectureRow("baseline", null, b.Genome, arch.Objectives.Select(i => b.Objectives![i]).ToArray(), ""));
            tables.Add(new ArchitectureTable(arch.Architecture, arch.Objectives.Select(i => metrics[i]).ToArray(), reference?.Genome, arch.Members.Count, rows));
        }
        return tables;
    }

    public static void Print(SearchSpace space, StatusReport status, IReadOnlyList<BaselineResult> baselines)
    {
        foreach (var arch in Of(space, status, baselines))
        {
            AnsiConsole.WriteLine($"architecture {arch.Architecture} ({string.Join(", ", arch.Objectives)}): {arch.FrontCount} on its front" +
                                  (arch.Reference is null ? "" : $", gains against {arch.Reference}"));
            var table = new Table().AddColumns("", "id", "genome", "values", "gain");
            foreach (var r in arch.Rows)
                table.AddRow(r.Kind, r.Id?.ToString(CultureInfo.InvariantCulture) ?? "-", Markup.Escape(r.Genome), Format(r.Values), r.Gain);
            AnsiConsole.Write(table);
        }
    }

    private static string Format(IReadOnlyList<double> values) => ProgressDisplay.Format(values.ToArray());
}
