using Cluster.Protocol.Data;
using Evaluators.Candidates;
using MessagePack;
using Search.Rejection;

namespace Cluster.Protocol;

/// <summary>An <see cref="EvaluationReport"/> as plain data: result, fingerprint, stage counters, metrics, learned scalars.</summary>
[MessagePackObject]
public sealed record ReportData(
    [property: Key(0)] ResultData Result,
    [property: Key(1)] FingerprintData? Fingerprint,
    [property: Key(2)] StageStatsData[] Stages,
    [property: Key(3)] Dictionary<string, double> Metrics,
    [property: Key(4)] Dictionary<string, double> Learned)
{
    public static ReportData From(EvaluationReport r) => new(ResultData.From(r.Result), FingerprintData.From(r.Fingerprint),
        StageStatsData.From(r.Stages.Stages),
        new Dictionary<string, double>(r.Metrics, StringComparer.Ordinal), new Dictionary<string, double>(r.Learned, StringComparer.Ordinal));

    public RejectionCounters Counters()
    {
        var c = new RejectionCounters();
        foreach (var s in Stages) c.Add(s.ToDomain());
        return c;
    }
}
