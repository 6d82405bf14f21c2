using System.Collections.Concurrent;
using System.Diagnostics;
using Cluster.Runs;
using Cluster.Spaces;
using Evaluators.Candidates;
using Search.Core;

namespace Cluster.Confirmation;

/// <summary>
/// Retrains every candidate on confirmation seeds 1..S with as many evaluators as workers, seed by
/// seed (after seed 1 every candidate has a result). Each result is saved to the run directory
/// (confirm.json) as soon as it exists, so an interrupted confirmation loses at most the trainings in
/// progress and a rerun does only what is missing.
/// </summary>
public static class ConfirmationRunner
{
    /// <param name="run">The run: its seed derives the training seeds, its saved trainings are not repeated.</param>
    public static IReadOnlyList<ConfirmationResult> Run(RunRecord run, SearchSpace space,
        IReadOnlyList<ConfirmationCandidate> candidates, int seeds, int workers, Func<int, ICandidateEvaluator> evaluator,
        Action<string>? log, CancellationToken cancel)
    {
        if (seeds < 1) throw new ArgumentException($"--seeds {seeds}: expected at least 1");
        if (workers < 1) throw new ArgumentException($"--workers {workers}: expected at least 1");
        var results = run.Confirmation.ToList();
        var todo = new ConcurrentQueue<(ConfirmationCandidate Candidate, int Seed)>(
            from k in Enumerable.Range(1, seeds)
            from c in candidates
            where !results.Any(r => r.Genome == c.Genome && r.SeedIndex == k)
            select (c, k));
        int total = todo.Count, finished = 0;
        var plan = ConfirmationPlan.Plan(space.Evaluation);
        var clock = Stopwatch.StartNew();
        log?.Invoke($"confirmation: {candidates.Count} genomes x {seeds} seeds, {results.Count} trainings stored, {total} to do on {workers} worker(s)");

        void Work(int slot)
        {
            ICandidateEvaluator? instance = null;
            try
            {
                while (!cancel.IsCancellationRequested && todo.TryDequeue(out var item))
                {
                    instance ??= evaluator(slot);
                    ulong seed = ConfirmationPlan.SeedFor(run.Info.Seed, item.Seed);
                    var started = Stopwatch.GetTimestamp();
                    var report = instance.Evaluate(new EvaluationJob(space.Family.Name, item.Candidate.Genome, seed, plan, space.FamilySpace), NoEquivalenceLookup.Instance, cancel);
                    if (cancel.IsCancellationRequested) break;
                    var r = report.Result;
                    var result = new ConfirmationResult(item.Candidate.Genome, item.Candidate.Role, item.Candidate.ProposalId, item.Seed, seed,
                        r.Status == EvaluationStatus.Accepted ? r.Objectives : null, r.Stage, r.Reason, Stopwatch.GetElapsedTime(started).TotalSeconds);
                    int n;
                    lock (results)
                    {
                        results.Add(result);
                        run.Directory.WriteConfirmation(results);
                        n = ++finished;
                    }
                    var eta = TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / n * (total - n));
                    log?.Invoke($"[{n}/{total}] seed {item.Seed} {item.Candidate.Genome}: " +
                                (result.Objectives is { } o ? string.Join(", ", o.Select(v => v.ToString("G4"))) : $"{r.Status} at {r.Stage}: {r.Reason}") +
                                $" ({result.Seconds:F0} s; ETA {eta:hh\\:mm\\:ss})");
                }
            }
            finally
            {
                (instance as IDisposable)?.Dispose();
            }
        }

        var threads = Enumerable.Range(0, workers).Select(slot => new Thread(() => Work(slot)) { IsBackground = true, Name = $"confirm-{slot}" }).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        lock (results) return results.ToArray();
    }
}
