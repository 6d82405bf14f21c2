using System.Globalization;

namespace Bench.Fidelity;

/// <summary>The per-function scores of one task: proxies by validation accuracy (what a search sees), the reference by test accuracy.</summary>
public sealed record TaskScores(string Task, bool ByTest, IReadOnlyList<IReadOnlyList<double>> PerEntry, IReadOnlyList<double> Seconds)
{
    public double[] Means => PerEntry.Select(v => v.Count > 0 ? v.Average() : double.NaN).ToArray();

    public static TaskScores Of(string task, bool byTest, IReadOnlyList<PanelEntry> panel, IReadOnlyList<FidelityRow> rows, int seeds)
    {
        var mine = rows.Where(r => r.Task == task && r.Seed >= 1 && r.Seed <= seeds).ToArray();
        var perEntry = panel.Select(e => (IReadOnlyList<double>)mine.Where(r => r.Genome == e.Genome.Text)
            .Select(r => byTest ? r.TestAccuracy : r.ValidationAccuracy).ToArray()).ToArray();
        var seconds = mine.Where(r => panel.Any(e => e.Genome.Text == r.Genome)).Select(r => r.Seconds).ToArray();
        return new TaskScores(task, byTest, perEntry, seconds);
    }
}

/// <summary>The bench's table and figures from the scores.</summary>
public static class FidelityReport
{
    /// <summary>Kendall tau-b of a proxy's means against the reference's over the functions both have scores for.</summary>
    /// <param name="include">Which panel entries count (null: all).</param>
    public static double Tau(TaskScores proxy, TaskScores reference, IReadOnlyList<bool>? include = null)
    {
        double[] p = proxy.Means, r = reference.Means;
        var both = Enumerable.Range(0, p.Length)
            .Where(i => (include is null || include[i]) && !double.IsNaN(p[i]) && !double.IsNaN(r[i])).ToArray();
        return RankAgreement.KendallTauB(both.Select(i => p[i]).ToArray(), both.Select(i => r[i]).ToArray());
    }

    public static string Table(IReadOnlyList<PanelEntry> panel, IReadOnlyList<TaskScores> tasks)
    {
        var lines = new List<string>
        {
            "| function | genome | " + string.Join(" | ", tasks.Select(t => $"{t.Task} ({(t.ByTest ? "test" : "val")})")) + " |",
            "|---|---|" + string.Concat(tasks.Select(_ => "---|")),
        };
        var ranks = tasks.Select(t => RankAgreement.DescendingRanks(t.Means)).ToArray();
        for (int i = 0; i < panel.Count; i++)
        {
            var cells = tasks.Select((t, k) =>
            {
                var v = t.PerEntry[i];
                if (v.Count == 0) return "-";
                string sd = v.Count > 1 ? $" ± {Stats.Sd(v):0.0000}" : "";
                return $"{v.Average():0.0000}{sd} (#{ranks[k][i].ToString("0.#", CultureInfo.InvariantCulture)})";
            });
            lines.Add($"| {panel[i].Label} | `{panel[i].Genome.Text}` | {string.Join(" | ", cells)} |");
        }
        return string.Join("\n", lines);
    }

    /// <summary>Mean of the first label's scores minus the second's (NaN when either is missing).</summary>
    public static double Difference(IReadOnlyList<PanelEntry> panel, TaskScores scores, string a, string b)
    {
        int i = Index(panel, a), j = Index(panel, b);
        if (i < 0 || j < 0) return double.NaN;
        var m = scores.Means;
        return m[i] - m[j];
    }

    public static int Index(IReadOnlyList<PanelEntry> panel, string label) =>
        panel.Select((e, k) => (e, k)).Where(p => p.e.Label == label).Select(p => p.k).DefaultIfEmpty(-1).First();

    public static string Key(string task) => task.Replace('-', '_').Replace('@', '_');
}
