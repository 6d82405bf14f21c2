using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cluster.Runs;

/// <summary>
/// Reads a run's history.jsonl (<see cref="RunDirectory.HistoryFile"/>): every finished evaluation in
/// the order the coordinator applied them. Tolerant, as a report on a live run must be: a line that
/// does not parse (the torn last line of a crash, or one being written) is skipped, and of lines with
/// the same id the first is kept.
/// </summary>
public static class RunHistory
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The run's history, or null when it has no history file (a run made before history was recorded).</summary>
    public static IReadOnlyList<HistoryEntry>? Load(string runDirectory)
    {
        var file = new RunDirectory(runDirectory).HistoryFile;
        if (!File.Exists(file)) return null;
        string text;
        // The writer appends while we read: share the file.
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var reader = new StreamReader(stream))
            text = reader.ReadToEnd();
        return Parse(text);
    }

    /// <summary>The entries of history.jsonl text; unparseable lines are skipped, repeated ids keep their first line.</summary>
    public static IReadOnlyList<HistoryEntry> Parse(string text)
    {
        var seen = new HashSet<long>();
        var entries = new List<HistoryEntry>();
        foreach (var line in text.Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            HistoryEntry? e;
            try { e = JsonSerializer.Deserialize<HistoryEntry>(line, Json); }
            catch (JsonException) { continue; }
            if (e?.Status is null || !seen.Add(e.Id)) continue;
            entries.Add(e);
        }
        return entries;
    }
}
