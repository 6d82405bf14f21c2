using System.Text;

namespace Cluster.Reports.Views;

/// <summary>Multi-fidelity rungs (&lt;table class="rungs"&gt;): budget, trainings, accepted, promoted onward, best on the ranking objective.</summary>
public static class RungsView
{
    public static void Render(StringBuilder sb, RunView run)
    {
        if (run.Status?.Rungs is not { Length: > 0 } rungs) return;
        Html.Heading(sb, "Rungs");
        Html.TableStart(sb, "rungs", ["rung", "epochs", "seeds", "evaluated", "accepted", "promoted on", $"best {rungs[0].RankObjective}"]);
        foreach (var r in rungs)
            Html.Row(sb, $"data-rung=\"{r.Rung}\"", [Html.Int(r.Rung), r.Epochs is { } e ? Html.Int(e) : "task's", Html.Int(r.Seeds), Html.Int(r.Evaluated),
                Html.Int(r.Accepted), r.Rung == rungs.Length - 1 ? "-" : Html.Int(r.Promoted), Html.Num(r.Best)]);
        Html.TableEnd(sb);
    }
}
