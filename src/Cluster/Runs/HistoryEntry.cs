using System.Text.Json.Serialization;

namespace Cluster.Runs;

/// <summary>
/// One finished evaluation as history.jsonl records it: proposal id, seconds since the run started
/// (run.json's StartedUtc) when the coordinator applied it, "accepted", "rejected" or "failed", the
/// rejecting stage, the multi-fidelity rung (0 without rungs) and the objectives in their natural
/// direction (null unless accepted). An evaluation whose line a crash lost is written on resume, with
/// the resume's time.
/// </summary>
public sealed record HistoryEntry(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("stage")] string? Stage,
    [property: JsonPropertyName("rung")] int Rung,
    [property: JsonPropertyName("objectives")] double[]? Objectives)
{
    public const string Accepted = "accepted", Rejected = "rejected", Failed = "failed";

    [JsonIgnore] public bool IsAccepted => Status == Accepted && Objectives is not null;
}
