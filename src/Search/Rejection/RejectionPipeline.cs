namespace Search.Rejection;

/// <summary>
/// Runs rejection stages cheapest first (by declared cost; equal costs keep their given order)
/// until one rejects or reuses a result. Keeps per-stage counters; compute saved by a stop is the
/// estimated full-training cost minus the seconds spent up to and including the stopping stage.
/// Not thread-safe: one pipeline per worker, counters merged afterwards.
/// </summary>
public sealed class RejectionPipeline<TContext>
{
    private readonly IRejectionStage<TContext>[] _stages;
    private readonly TimeProvider _time;

    public RejectionPipeline(IEnumerable<IRejectionStage<TContext>> stages, double fullTrainingCostSeconds, TimeProvider? time = null)
    {
        if (fullTrainingCostSeconds < 0) throw new ArgumentOutOfRangeException(nameof(fullTrainingCostSeconds), "must not be negative");
        // OrderBy is a stable sort, which is what keeps equal-cost stages in their given order.
        _stages = stages.OrderBy(s => s.EstimatedCostSeconds).ToArray();
        var names = _stages.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (names is not null) throw new ArgumentException($"two stages are named '{names.Key}'", nameof(stages));
        FullTrainingCostSeconds = fullTrainingCostSeconds;
        _time = time ?? TimeProvider.System;
    }

    public double FullTrainingCostSeconds { get; }

    /// <summary>Stage names in the order they run.</summary>
    public IReadOnlyList<string> Order => _stages.Select(s => s.Name).ToArray();

    /// <summary>Counters since construction or the last <see cref="TakeCounters"/>.</summary>
    public RejectionCounters Counters { get; private set; } = new();

    /// <summary>Returns the counters gathered so far and starts afresh: what a worker sends to the engine.</summary>
    public RejectionCounters TakeCounters()
    {
        var taken = Counters;
        Counters = new RejectionCounters();
        return taken;
    }

    public PipelineOutcome Run(TContext candidate)
    {
        double spent = 0;
        foreach (var stage in _stages)
        {
            long start = _time.GetTimestamp();
            var verdict = stage.Check(candidate);
            double seconds = _time.GetElapsedTime(start).TotalSeconds;
            spent += seconds;
            bool stops = verdict.Kind != VerdictKind.Pass;
            double saved = stops ? Math.Max(0, FullTrainingCostSeconds - spent) : 0;
            Counters.Add(new StageStats(stage.Name, Examined: 1,
                Rejected: verdict.Kind == VerdictKind.Reject ? 1 : 0,
                Reused: verdict.Kind == VerdictKind.Reuse ? 1 : 0,
                Seconds: seconds, ComputeSavedSeconds: saved));
            if (stops) return new PipelineOutcome(verdict.Kind, stage.Name, verdict.Reason, verdict.Reused, spent);
        }
        return new PipelineOutcome(VerdictKind.Pass, null, null, null, spent);
    }
}
