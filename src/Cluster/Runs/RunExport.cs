using System.Globalization;
using Cluster.Spaces;
using Evaluators.Export;
using Evaluators.Tasks;

namespace Cluster.Runs;

/// <summary>
/// `search export`: the top K members of a run's front (best first on the first objective), with
/// their trained learnable values and objectives, written by <see cref="Exporter"/> in one format.
/// Objectives are always the recorded ones; a retrained network's comparison with them is in its note.
/// </summary>
public static class RunExport
{
    /// <param name="space">The run's space (its family parses the genomes, its objectives name and rank them).</param>
    /// <param name="retrainer">Trains again the KAN networks whose run kept no coefficients (<see cref="ExportRetrainer.Needs"/>);
    /// null exports them from initialisation, as their note says.</param>
    /// <exception cref="ArgumentException">A bad format or K, a run without results, or a front that cannot be exported.</exception>
    /// <param name="figures">Images the LaTeX export includes (path as the .tex file names it, caption); none for the other formats.</param>
    public static string Export(RunRecord run, SearchSpace space, int top, string format, ExportRetrainer? retrainer = null,
        IReadOnlyList<(string Path, string Caption)>? figures = null)
    {
        if (!Exporter.Formats.Contains(format))
            throw new ArgumentException($"unknown export format '{format}'; choose one of {string.Join(", ", Exporter.Formats)}", nameof(format));
        if (top < 1) throw new ArgumentException($"--top must be at least 1, not {top}", nameof(top));
        var dir = run.Directory;
        var status = run.Status ?? throw new ArgumentException($"run {dir.RunId} has no results yet: nothing to export");
        if (status.Front.Length == 0) throw new ArgumentException($"run {dir.RunId} has an empty front: nothing to export");
        var first = space.Objectives.Items[0];
        // The front's values come from the top rung's plan: whether its tasks trained the layers at unit gain.
        var plan = space.FinalPlan;
        bool unitGain = plan.UnitGain ?? plan.Tasks.All(t => ProxyTasks.List.FirstOrDefault(p => p.Name == t)?.Training.UnitGain == true);
        var items = RunRanking.Front(status, first.ToMinimized).Take(top).Select(f =>
        {
            string name = $"{space.Name}_{f.Id}";
            var retrained = retrainer is not null && ExportRetrainer.Needs(f) ? retrainer.Retrain(f, name) : null;
            var metadata = new Dictionary<string, string>
            {
                ["individual_id"] = f.Id.ToString(CultureInfo.InvariantCulture),
                ["run_id"] = dir.RunId,
            };
            if (retrained is not null) metadata["coefficients"] = retrained.Source;
            return new ExportItem(
                space.Family.Parse(f.Genome),
                name,
                retrained?.Learned ?? f.Learned,
                space.Objectives.Items.Select((o, i) => (o.Name, Value: i < f.Objectives.Length ? f.Objectives[i] : double.NaN)).ToDictionary(p => p.Name, p => p.Value),
                metadata,
                unitGain,
                retrained?.Source);
        }).ToArray();
        return Exporter.Export(format, items, new ExportOptions { RunId = dir.RunId, Figures = figures ?? [] });
    }
}
