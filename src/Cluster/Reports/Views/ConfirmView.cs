using System.Text;
using Cluster.Confirmation;

namespace Cluster.Reports.Views;

/// <summary>
/// `search confirm`'s results (confirm.json) summarised as the command prints them
/// (<see cref="ConfirmationSummary.Of"/>: paired gains against the first baseline): one
/// &lt;table class="confirm"&gt; with a row per objective and genome.
/// </summary>
public static class ConfirmView
{
    public static void Render(StringBuilder sb, RunView run)
    {
        var results = run.Run.Confirmation;
        if (results.Count == 0 || run.Space is null) return;
        var candidates = Candidates(results.Select(r => (r.Genome, r.Role, r.ProposalId)));
        int seeds = results.Max(r => r.SeedIndex);
        var perObjective = ConfirmationSummary.Of(run.Space.Objectives, candidates, results, seeds);
        var reference = candidates.FirstOrDefault(c => c.Role == ConfirmationCandidate.BaselineRole);
        Html.Heading(sb, "Confirmation (search confirm)");
        Html.Note(sb, "legend", reference is null ? $"{seeds} seeds; no baseline: no gains"
            : $"{seeds} seeds; gain = paired per-seed difference against {reference.Genome} (positive = better); * = mean gain above both genomes' seed sd");
        Rows(sb, "confirm", run.ObjectiveNames, perObjective, reference, null);
    }

    /// <summary>The genomes the results are about, in order of first appearance.</summary>
    internal static IReadOnlyList<ConfirmationCandidate> Candidates(IEnumerable<(string Genome, string Role, long? Id)> results) =>
        results.DistinctBy(r => r.Genome).Select(r => new ConfirmationCandidate(r.Genome, r.Role, r.Id)).ToArray();

    internal static void Rows(StringBuilder sb, string cssClass, IReadOnlyList<string> names, IReadOnlyList<ConfirmationRow>[] perObjective,
        ConfirmationCandidate? reference, string? prefix)
    {
        var headers = new List<string>();
        if (prefix is not null) headers.AddRange(["task", "against"]);
        headers.AddRange(["objective", "", "id", "genome", "mean ± sd", "per seed", "gain ± sd", "beyond spread"]);
        Html.TableStart(sb, cssClass, headers);
        for (int i = 0; i < perObjective.Length; i++)
            foreach (var r in perObjective[i])
            {
                var cells = new List<string>();
                if (prefix is not null) cells.AddRange(prefix.Split('\t'));
                cells.AddRange([i < names.Count ? names[i] : $"objective {i + 1}", r.Candidate.Role, r.Candidate.ProposalId is { } id ? Html.Int(id) : "-",
                    r.Candidate.Genome, $"{Html.Num(r.Mean)} ± {Html.Num(r.Sd)}", string.Join(" ", r.Values.Select(v => Html.Num(v))),
                    r.Gains.Length == 0 || r.Candidate == reference ? "" : $"{Html.Num(r.MeanGain)} ± {Html.Num(r.GainSd)}", r.BeatsBeyondSpread ? "*" : ""]);
                Html.Row(sb, r.Candidate.ProposalId is { } pid ? $"data-id=\"{pid}\"" : "class=\"baseline\"", cells);
            }
        Html.TableEnd(sb);
    }
}
