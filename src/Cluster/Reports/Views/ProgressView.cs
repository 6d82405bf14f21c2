using System.Text;

namespace Cluster.Reports.Views;

/// <summary>
/// Where the run stands: evaluated of total, accepted/rejected/failed, state and ETA. The ETA comes
/// from the history's recent pace times the remaining budget, capped by the space's wall time counted
/// from the run's start; "-" when neither is known or the run is finished.
/// </summary>
public static class ProgressView
{
    // Evaluations the pace is measured over: recent enough to follow a change of workers.
    private const int PaceWindow = 50;

    public static void Render(StringBuilder sb, RunView run)
    {
        var s = run.Status;
        long done = s?.Done ?? 0;
        string total = s is null ? (run.Info.MaxEvaluations == long.MaxValue ? "unbounded" : Html.Int(run.Info.MaxEvaluations))
            : s.Total == long.MaxValue ? "unbounded" : Html.Int(s.Total);
        sb.Append("<p class=\"progress\"><span class=\"evaluated\">").Append(Html.Int(done)).Append("</span> of <span class=\"total\">").Append(total)
            .Append("</span> evaluated: <span class=\"accepted\">").Append(Html.Int(s?.Accepted ?? 0)).Append("</span> accepted, <span class=\"rejected\">")
            .Append(Html.Int(s?.Rejected ?? 0)).Append("</span> rejected, <span class=\"failed\">").Append(Html.Int(s?.Failed ?? 0)).Append("</span> failed");
        if (s is not null) sb.Append(" (").Append(Html.Int(s.Poisoned)).Append(" poison), ").Append(s.InFlight).Append(" in flight, ").Append(s.Workers).Append(" workers");
        sb.Append("; <span class=\"state\">").Append(s?.IsDone == true ? "finished" : "running").Append("</span>, ETA <span class=\"eta\">")
            .Append(Html.Escape(Eta(run) is { } eta ? Format(eta) : "-")).Append("</span></p>\n");
        if (s is null) Html.Note(sb, "empty", "no results yet");
    }

    /// <summary>Time left: recent pace times evaluations left, at most the wall time left; null when unknown or finished.</summary>
    public static TimeSpan? Eta(RunView run)
    {
        var s = run.Status;
        if (s is null || s.IsDone) return null;
        TimeSpan? eta = null;
        if (run.History is { Count: >= 2 } h && s.Total < long.MaxValue)
        {
            var first = h[Math.Max(0, h.Count - PaceWindow)];
            var last = h[^1];
            int steps = h.Count - 1 - Math.Max(0, h.Count - PaceWindow);
            double pace = steps > 0 ? (last.Seconds - first.Seconds) / steps : 0;
            if (pace > 0) eta = TimeSpan.FromSeconds(pace * Math.Max(0, s.Total - s.Done));
        }
        if (run.Space?.WallTime is { } wall)
        {
            var left = run.Info.StartedUtc + wall - run.LoadedUtc;
            if (left < TimeSpan.Zero) left = TimeSpan.Zero;
            eta = eta is { } e && e < left ? e : left;
        }
        return eta;
    }

    public static string Format(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}h {t.Minutes:00}m"
        : t.TotalMinutes >= 1 ? $"{t.Minutes}m {t.Seconds:00}s" : $"{Math.Ceiling(t.TotalSeconds)}s";
}
