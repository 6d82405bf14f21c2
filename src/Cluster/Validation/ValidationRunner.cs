using Cluster.Confirmation;
using Cluster.Runs;
using Cluster.Spaces;
using Evaluators.Candidates;
using Search.Core;

namespace Cluster.Validation;

/// <summary>
/// Retrains every candidate on every task on validation seeds 1..S, seed by seed and task by task
/// (after seed 1 every candidate has a result on every task), through <see cref="RetrainingRunner"/>.
/// Each result is appended to validate.json as soon as it exists; a rerun trains only what is
/// missing (key: genome, task, data directory, seed index).
/// </summary>
public static class ValidationRunner
{
    /// <param name="run">The run: its seed derives the training seeds, its saved validation trainings are not repeated.</param>
    /// <param name="dataDirectory">The data directory the evaluators read (full path), or null; recorded with every result.</param>
    public static IReadOnlyList<ValidationResult> Run(RunRecord run, SearchSpace space, IReadOnlyList<ConfirmationCandidate> candidates,
        IReadOnlyList<string> tasks, int seeds, string? dataDirectory, int workers, Func<int, ICandidateEvaluator> evaluator,
        Action<string>? log, CancellationToken cancel)
    {
        if (seeds < 1) throw new ArgumentException($"--seeds {seeds}: expected at least 1");
        if (workers < 1) throw new ArgumentException($"--workers {workers}: expected at least 1");
        var results = run.Validation.ToList();
        var plans = tasks.ToDictionary(t => t, t => ValidationPlan.Plan(space.FinalPlan, t));
        var todo = (from k in Enumerable.Range(1, seeds)
                    from t in tasks
                    from c in candidates
                    where !results.Any(r => r.Is(c.Genome, t, dataDirectory, k))
                    select new RetrainingItem(c, plans[t], k, ValidationPlan.SeedFor(run.Info.Seed, k), $"{t} seed {k}")).ToArray();
        int stored = results.Count(r => r.DataDirectory == dataDirectory && tasks.Contains(r.Task) && r.SeedIndex <= seeds && candidates.Any(c => c.Genome == r.Genome));
        log?.Invoke($"validation: {candidates.Count} genomes x {tasks.Count} task(s) x {seeds} seeds on {dataDirectory ?? "the default data"}, " +
                    $"{stored} trainings stored, {todo.Length} to do on {workers} worker(s)");
        RetrainingRunner.Run(space, todo, workers, evaluator, (item, report, seconds) =>
        {
            var r = report.Result;
            results.Add(new ValidationResult(item.Candidate.Genome, item.Candidate.Role, item.Candidate.ProposalId, item.Plan.Tasks[0], dataDirectory,
                item.SeedIndex, item.Seed, r.Status == EvaluationStatus.Accepted ? r.Objectives : null, r.Stage, r.Reason, seconds));
            run.Directory.WriteValidation(results);
        }, log, cancel);
        return results.ToArray();
    }
}
