using System.Globalization;
using Cluster.Baselines;
using Cluster.Protocol;
using Cluster.Spaces;
using Search.MultiObjective.PerArchitecture;
using Spectre.Console;

namespace Cluster.Cli;

/// <summary>
/// The front per architecture (EvoNorms reports each one apart): for every task the space's objectives
/// name ("metric@task"), the run's front members that are non-dominated on that task's objectives,
/// best first, with their gain over the first accepted baseline (e.g. BN-ReLU) and every baseline's values.
/// Spaces whose objectives name no task print nothing.
/// </summary>
public static class ArchitectureTables
{
    public static void Print(SearchSpace space, StatusReport status, IReadOnlyList<BaselineResult> baselines)
    {
        var metrics = space.Evaluation.Objectives;
        if (metrics.Count != space.Objectives.Count || !metrics.Any(m => ArchitectureFronts.ArchitectureOf(m) is not null)) return;
        var front = status.Front.Where(f => f.Objectives.Length == metrics.Count).ToArray();
        var reference = baselines.FirstOrDefault(b => b.Objectives?.Length == metrics.Count);
        var fronts = ArchitectureFronts.Of(space.Objectives, metrics, front.Select(f => (IReadOnlyList<double>?)f.Objectives).ToArray(), reference?.Objectives);
        foreach (var arch in fronts)
        {
            string names = string.Join(", ", arch.Objectives.Select(i => metrics[i]));
            AnsiConsole.WriteLine($"architecture {arch.Architecture} ({names}): {arch.Members.Count} on its front" +
                                  (reference is null ? "" : $", gains against {reference.Genome}"));
            var table = new Table().AddColumns("", "id", "genome", "values", "gain");
            var first = arch.Objectives[0];
            foreach (var m in arch.Members.OrderBy(m => space.Objectives.Items[first].ToMinimized(m.Values[0])))
            {
                var f = front[m.Entry];
                string gain = reference is null ? "" : string.Join(", ", m.Gains.Select(ProgressDisplay.Signed))
                    + (m.DominatesBaseline ? " (dominates)" : m.DominatedByBaseline ? " (dominated)" : "");
                table.AddRow("front", f.Id.ToString(), Markup.Escape(f.Genome), Format(m.Values), gain);
            }
            foreach (var b in baselines.Where(b => b.Objectives?.Length == metrics.Count))
                table.AddRow("baseline", "-", Markup.Escape(b.Genome), Format(arch.Objectives.Select(i => b.Objectives![i]).ToArray()), "");
            AnsiConsole.Write(table);
        }
    }

    private static string Format(IReadOnlyList<double> values) => ProgressDisplay.Format(values.ToArray());
}
