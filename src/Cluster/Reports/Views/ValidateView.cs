using System.Text;
using Cluster.Validation;

namespace Cluster.Reports.Views;

/// <summary>
/// `search validate`'s results (validate.json) summarised as the command prints them
/// (<see cref="ValidationSummary.Of"/>: per task and data directory, paired against each baseline in
/// turn): one &lt;table class="validate"&gt;, and which front genomes beat every baseline there.
/// </summary>
public static class ValidateView
{
    public static void Render(StringBuilder sb, RunView run)
    {
        var results = run.Run.Validation;
        if (results.Count == 0 || run.Space is null) return;
        Html.Heading(sb, "Validation (search validate)");
        var candidates = ConfirmView.Candidates(results.Select(r => (r.Genome, r.Role, r.ProposalId)));
        int seeds = results.Max(r => r.SeedIndex);
        var sections = results.Select(r => (r.Task, r.DataDirectory)).Distinct().ToArray();
        foreach (var (task, data) in sections)
        {
            var comparisons = ValidationSummary.Of(run.Space.Objectives, candidates, results, task, data, seeds);
            var beating = ValidationSummary.BeatingAll(candidates, comparisons);
            Html.Note(sb, "legend", $"{task}{(data is null ? "" : $" ({data})")}: {seeds} seeds; front beating every baseline on {run.ObjectiveNames.FirstOrDefault()}: " +
                                    (beating.Count == 0 ? "none" : string.Join(", ", beating)));
            foreach (var c in comparisons)
                ConfirmView.Rows(sb, "validate", run.ObjectiveNames, c.PerObjective, c.Baseline, $"{task}\t{c.Baseline.Genome}");
        }
    }
}
