using Cluster.Runs;
using Cluster.Spaces;
using Evaluators.Candidates;
using Search.Core;

namespace Cluster.Confirmation;

/// <summary>
/// Retrains every candidate on confirmation seeds 1..S with as many evaluators as workers, seed by
/// seed (after seed 1 every candidate has a result). Each result is saved to the run directory
/// (confirm.json) as soon as it exists, so an interrupted confirmation loses at most the trainings in
/// progress and a rerun does only what is missing. The training itself is <see cref="RetrainingRunner"/>.
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
        var plan = ConfirmationPlan.Plan(space.FinalPlan);
        var todo = (from k in Enumerable.Range(1, seeds)
                    from c in candidates
                    where !results.Any(r => r.Genome == c.Genome && r.SeedIndex == k)
                    select new RetrainingItem(c, plan, k, ConfirmationPlan.SeedFor(run.Info.Seed, k), $"seed {k}")).ToArray();
        log?.Invoke($"confirmation: {candidates.Count} genomes x {seeds} seeds, {results.Count} trainings stored, {todo.Length} to do on {workers} worker(s)");
        RetrainingRunner.Run(space, todo, workers, evaluator, (item, report, seconds) =>
        {
            var r = report.Result;
            results.Add(new ConfirmationResult(item.Candidate.Genome, item.Candidate.Role, item.Candidate.ProposalId, item.SeedIndex, item.Seed,
                r.Status == EvaluationStatus.Accepted ? r.Objectives : null, r.Stage, r.Reason, seconds));
            run.Directory.WriteConfirmation(results);
        }, log, cancel);
        return results.ToArray();
    }
}
