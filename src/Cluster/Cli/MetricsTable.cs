using System.Globalization;
using Evaluators.Training;
using Spectre.Console;

namespace Cluster.Cli;

/// <summary>Prints training metrics as a table and as `name: value` lines that scripts can read.</summary>
public static class MetricsTable
{
    public static void Print(string task, string slot, TrainingMetrics m)
    {
        var rows = new List<(string, string)>
        {
            ("task", task), ("slot", slot),
            ("validation_accuracy", F(m.ValidationAccuracy)), ("test_accuracy", F(m.TestAccuracy)),
            ("validation_rmse", F(m.ValidationRmse)), ("test_rmse", F(m.TestRmse)),
            ("validation_loss", F(m.ValidationLoss)), ("final_train_loss", F(m.FinalTrainLoss)),
            ("parameters", m.Parameters.ToString(CultureInfo.InvariantCulture)), ("steps", m.Steps.ToString(CultureInfo.InvariantCulture)),
            ("wall_seconds", F(m.WallSeconds)), ("steps_per_second", F(m.StepsPerSecond)), ("diverged", m.Diverged ? "yes" : "no"),
        };
        rows.AddRange(m.Measures.Select(kv => (kv.Key, F(kv.Value))));
        var table = new Table().AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        foreach (var (k, v) in rows.Where(r => r.Item2 != "NaN")) table.AddRow(k, v);
        AnsiConsole.Write(table);
        foreach (var (k, v) in rows.Where(r => r.Item2 != "NaN")) Console.WriteLine($"{k}: {v}");
    }

    private static string F(double v) => double.IsNaN(v) ? "NaN" : v.ToString("0.####", CultureInfo.InvariantCulture);
}
