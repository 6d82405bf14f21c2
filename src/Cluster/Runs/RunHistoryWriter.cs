using System.Text;
using System.Text.Json;
using Search.Core;
using Search.Engine;

namespace Cluster.Runs;

/// <summary>
/// Appends finished evaluations to a run's history.jsonl, one JSON line each, flushed per call (a
/// call may carry many: the coordinator hands them over per status report), so a crash loses at
/// most the lines being written. Opening drops a torn last line (a crash mid-line) and
/// learns the ids already written, which are never written again (a resumed run reports every
/// evaluation it recovers). Used by the process that hosts the coordinator; not thread-safe (the
/// coordinator calls it from its actor).
/// </summary>
public sealed class RunHistoryWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly HashSet<long> _written = new();
    private readonly DateTimeOffset _started;
    private readonly TimeProvider _clock;

    public RunHistoryWriter(RunDirectory dir, DateTimeOffset started, TimeProvider clock)
    {
        (_started, _clock) = (started, clock);
        _stream = new FileStream(dir.HistoryFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);
        var bytes = new byte[_stream.Length];
        _stream.ReadExactly(bytes);
        // Keep everything up to the last newline: what follows it is a torn line.
        int end = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        foreach (var e in RunHistory.Parse(Encoding.UTF8.GetString(bytes, 0, end))) _written.Add(e.Id);
        _stream.SetLength(end);
        _stream.Position = end;
    }

    /// <summary>How many distinct evaluations the file holds.</summary>
    public int Count => _written.Count;

    /// <summary>Appends one evaluation the engine applied (objectives only when accepted), unless its id is written already.</summary>
    public void Append(ArchiveEntry e)
    {
        Write(e);
        _stream.Flush();
    }

    /// <summary>Appends evaluations the engine applied, in order, with one flush for all of them.</summary>
    public void AppendAll(IEnumerable<ArchiveEntry> entries)
    {
        foreach (var e in entries) Write(e);
        _stream.Flush();
    }

    private void Write(ArchiveEntry e) =>
        Write(e.Id, e.Result.Status switch
        {
            EvaluationStatus.Accepted => HistoryEntry.Accepted,
            EvaluationStatus.Rejected => HistoryEntry.Rejected,
            _ => HistoryEntry.Failed,
        }, e.Result.Stage, e.Rung, e.Result.Status == EvaluationStatus.Accepted ? e.Result.Objectives : null);

    /// <summary>Appends the evaluation unless its id is written already; its time is now, counted from the run's start.</summary>
    public void Append(long id, string status, string? stage, int rung, double[]? objectives)
    {
        Write(id, status, stage, rung, objectives);
        _stream.Flush();
    }

    private void Write(long id, string status, string? stage, int rung, double[]? objectives)
    {
        if (!_written.Add(id)) return;
        double seconds = Math.Round(Math.Max(0, (_clock.GetUtcNow() - _started).TotalSeconds), 3);
        var line = JsonSerializer.SerializeToUtf8Bytes(new HistoryEntry(id, seconds, status, stage, rung, objectives), RunHistory.Json);
        _stream.Write(line);
        _stream.WriteByte((byte)'\n');
    }

    public void Dispose() => _stream.Dispose();
}
