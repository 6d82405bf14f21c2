using System.Globalization;
using System.Text;
using Evaluators.Tasks;

namespace Bench.Fidelity;

/// <summary>
/// One finished training: which function (canonical genome text), task and seed, what it scored, and
/// the network and budget it trained under (<see cref="FidelityCsv.Budget"/>; empty in rows written
/// before the column existed).
/// </summary>
public sealed record FidelityRow(string Genome, string Task, int Seed, double ValidationAccuracy, double TestAccuracy,
    double Seconds, bool Diverged, string Budget = "")
{
    public (string Genome, string Task, int Seed) Key => (Genome, Task, Seed);

    /// <summary>Whether this row is a result of <paramref name="budget"/>: the same, or a row without one (taken on trust).</summary>
    public bool Fits(string budget) => Budget.Length == 0 || Budget == budget;
}

/// <summary>
/// The bench's results file: a header, then one row per finished training, appended as each ends,
/// so a rerun reads what is there and trains only what is missing. Fields holding a comma or a
/// quote are quoted (genome texts such as max(x, 0) do); a torn last line (the process killed
/// while writing) is skipped. Each row names its network and budget, so a row trained under another
/// budget of the same task (after a change to ActivationTasks) is neither reused nor reported; rows
/// of the older 7-column format carry none and are taken as the current budget. UTF-8 without a BOM.
/// </summary>
public static class FidelityCsv
{
    public const string Header = "genome,task,seed,validation_accuracy,test_accuracy,seconds,diverged,budget";

    /// <summary>The network and training budget of a task, e.g. "mlp-128x8 epochs=3 batch=128 subset=20000 adam lr=0.001 val=0.0833 unit_gain=1".</summary>
    public static string Budget(ProxyTask task)
    {
        var s = task.Training;
        var inv = CultureInfo.InvariantCulture;
        return $"{task.Template.Name} epochs={s.Epochs} batch={s.BatchSize} subset={s.TrainSubset?.ToString(inv) ?? "all"} " +
            $"{s.Optimizer} lr={s.LearningRate.ToString("R", inv)} val={s.ValidationFraction.ToString("0.####", inv)} " +
            $"unit_gain={(s.UnitGain ? 1 : 0)}{(s.MaxSteps is { } m ? $" max_steps={m}" : "")}";
    }

    /// <summary>The rows that are results of the given budgets (by task), the last one of each key where a key repeats.</summary>
    public static IReadOnlyList<FidelityRow> Current(IEnumerable<FidelityRow> rows, IReadOnlyDictionary<string, string> budgetByTask) =>
        rows.Where(r => budgetByTask.TryGetValue(r.Task, out var b) && r.Fits(b))
            .GroupBy(r => r.Key).Select(g => g.Last()).ToArray();

    public static string Format(FidelityRow row) => string.Join(",",
        Quote(row.Genome), Quote(row.Task), row.Seed.ToString(CultureInfo.InvariantCulture),
        Number(row.ValidationAccuracy), Number(row.TestAccuracy), Number(row.Seconds), row.Diverged ? "1" : "0", Quote(row.Budget));

    /// <summary>The rows of a results file's text; the header and malformed lines are skipped.</summary>
    public static IReadOnlyList<FidelityRow> Parse(string text)
    {
        var rows = new List<FidelityRow>();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r').TrimStart('\uFEFF');
            if (trimmed.Length == 0 || trimmed == Header) continue;
            if (TryParseLine(trimmed) is { } row) rows.Add(row);
        }
        return rows;
    }

    public static IReadOnlyList<FidelityRow> Read(string path) => File.Exists(path) ? Parse(File.ReadAllText(path)) : [];

    /// <summary>Appends one row (writing the header first into a new file), flushed before it returns.</summary>
    public static void Append(string path, FidelityRow row)
    {
        bool fresh = !File.Exists(path) || new FileInfo(path).Length == 0;
        using var writer = new StreamWriter(path, append: true, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        if (fresh) writer.Write(Header + "\n");
        else if (!EndsWithNewline(path)) writer.Write("\n"); // a torn line stays alone on its line
        writer.Write(Format(row) + "\n");
    }

    public static FidelityRow? TryParseLine(string line)
    {
        var fields = Split(line);
        if (fields is null || fields.Count is not (7 or 8)) return null;
        var inv = CultureInfo.InvariantCulture;
        if (!int.TryParse(fields[2], NumberStyles.Integer, inv, out int seed)) return null;
        if (!double.TryParse(fields[3], NumberStyles.Float, inv, out double val)) return null;
        if (!double.TryParse(fields[4], NumberStyles.Float, inv, out double test)) return null;
        if (!double.TryParse(fields[5], NumberStyles.Float, inv, out double seconds)) return null;
        if (fields[6] is not ("0" or "1")) return null;
        return new FidelityRow(fields[0], fields[1], seed, val, test, seconds, fields[6] == "1", fields.Count == 8 ? fields[7] : "");
    }

    /// <summary>The fields of one line, or null when a quote is left open.</summary>
    public static List<string>? Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        if (quoted) return null;
        fields.Add(field.ToString());
        return fields;
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";

    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static bool EndsWithNewline(string path)
    {
        using var stream = File.OpenRead(path);
        if (stream.Length == 0) return true;
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }
}
