using System.Text;
using Cluster.Cli;

namespace Cluster.Reports.Views;

/// <summary>
/// The rejection stages (&lt;table class="stages"&gt;), in pipeline order as `search status` prints them:
/// examined, rejected, reused, seconds the stage spent, training seconds its rejections saved (the full
/// training skipped, less what the stages spent), and a total row. Older status files without stage
/// counters list the rejections by stage.
/// </summary>
public static class StagesView
{
    public static void Render(StringBuilder sb, RunView run)
    {
        if (run.Status is not { } s) return;
        Html.Heading(sb, "Rejection stages");
        Html.TableStart(sb, "stages", ["stage", "examined", "rejected", "reused", "stage time", "training time saved"]);
        if (s.Stages is { Length: > 0 } data)
        {
            var stages = data.Select(d => d.ToDomain()).ToArray();
            foreach (var st in StatusPrinter.InPipelineOrder(stages))
                Html.Row(sb, $"data-stage=\"{Html.Escape(st.Name)}\"", [st.Name, Html.Int(st.Examined), Html.Int(st.Rejected), Html.Int(st.Reused),
                    StatusPrinter.Duration(st.Seconds), StatusPrinter.Duration(st.ComputeSavedSeconds)]);
            Html.Row(sb, "class=\"total\"", ["all", "", Html.Int(stages.Sum(x => x.Rejected)), Html.Int(stages.Sum(x => x.Reused)),
                StatusPrinter.Duration(stages.Sum(x => x.Seconds)), StatusPrinter.Duration(stages.Sum(x => x.ComputeSavedSeconds))]);
        }
        else
            foreach (var (stage, count) in s.RejectedByStage.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                Html.Row(sb, $"data-stage=\"{Html.Escape(stage)}\"", [stage, "", Html.Int(count), "", "", ""]);
        Html.TableEnd(sb);
    }
}
