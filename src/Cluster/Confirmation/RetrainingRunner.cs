using System.Collections.Concurrent;
using System.Diagnostics;
using Cluster.Spaces;
using Evaluators.Candidates;
using Search.Core;

namespace Cluster.Confirmation;

/// <summary>
/// One training that `search confirm`, `search validate` or a run's baselines ask for: a candidate, the plan it trains
/// under (one task or the run's tasks, one seed), its seed index (1..S) and training seed, and the
/// label its progress line starts with ("seed 2", "fmnist-mlp seed 2").
/// </summary>
public sealed record RetrainingItem(ConfirmationCandidate Candidate, EvaluationPlan Plan, int SeedIndex, ulong Seed, string Label);

/// <summary>
/// Trains a list of items with as many evaluators as workers, in list order, and hands every finished
/// training to a sink at once (the sink saves it: confirm.json, validate.json), one at a time, so an
/// interrupted retraining loses at most the trainings in progress. Cancellation stops after the
/// trainings in progress; a training cut short is not handed over.
/// </summary>
public static class RetrainingRunner
{
    /// <param name="space">The run's space: family name and family section of every job.</param>
    /// <param name="save">Called under the runner's lock with each finished item, its report and its seconds.</param>
    /// <returns>How many trainings finished (and were saved).</returns>
    public static int Run(SearchSpace space, IReadOnlyList<RetrainingItem> items, int workers, Func<int, ICandidateEvaluator> evaluator,
        Action<RetrainingItem, EvaluationReport, double> save, Action<string>? log, CancellationToken cancel)
    {
        if (workers < 1) throw new ArgumentException($"--workers {workers}: expected at least 1");
        var todo = new ConcurrentQueue<RetrainingItem>(items);
        int total = items.Count, finished = 0;
        var gate = new object();
        var clock = Stopwatch.StartNew();

        void Work(int slot)
        {
            ICandidateEvaluator? instance = null;
            try
            {
                while (!cancel.IsCancellationRequested && todo.TryDequeue(out var item))
                {
                    instance ??= evaluator(slot);
                    var started = Stopwatch.GetTimestamp();
                    var report = instance.Evaluate(new EvaluationJob(space.Family.Name, item.Candidate.Genome, item.Seed, item.Plan, space.FamilySpace),
                        NoEquivalenceLookup.Instance, cancel);
                    if (cancel.IsCancellationRequested) break;
                    var r = report.Result;
                    double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                    int n;
                    lock (gate)
                    {
                        save(item, report, seconds);
                        n = ++finished;
                    }
                    var eta = TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / n * (total - n));
                    log?.Invoke($"[{n}/{total}] {item.Label} {item.Candidate.Genome}: " +
                                (r.Status == EvaluationStatus.Accepted && r.Objectives is { } o ? string.Join(", ", o.Select(v => v.ToString("G4"))) : $"{r.Status} at {r.Stage}: {r.Reason}") +
                                $" ({seconds:F0} s; ETA {eta:hh\\:mm\\:ss})");
                }
            }
            finally
            {
                (instance as IDisposable)?.Dispose();
            }
        }

        var threads = Enumerable.Range(0, workers).Select(slot => new Thread(() => Work(slot)) { IsBackground = true, Name = $"retrain-{slot}" }).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        lock (gate) return finished;
    }
}
