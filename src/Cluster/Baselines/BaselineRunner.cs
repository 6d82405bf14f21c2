using Cluster.Confirmation;
using Cluster.Runs;
using Cluster.Spaces;
using Evaluators.Candidates;
using Search.Core;
using Search.Engine;

namespace Cluster.Baselines;

/// <summary>
/// Evaluates a space's baselines through the same evaluator and plan as the search, outside the
/// engine, and records them in the run directory (baselines.json) so status and export show them
/// and a resumed run does not train them again.
/// </summary>
public static class BaselineRunner
{
    /// <summary>
    /// The seed every baseline trains with: derived from the run seed like a proposal's, at an id no
    /// proposal takes, so all baselines share one seed and a rerun of the same run reproduces them.
    /// </summary>
    public static ulong SeedFor(ulong runSeed) => EvaluationSeeds.For(runSeed, -1);

    /// <summary>
    /// Evaluates the baselines not yet recorded, saving after each one, and returns all of them in
    /// the space's order. Stops early (keeping what was saved) when cancelled.
    /// </summary>
    /// <param name="run">The run: its seed derives the baselines' seed, its recorded baselines are not evaluated again.</param>
    /// <param name="workers">Baselines trained at once, each on its own evaluator slot (the result does not depend on it).</param>
    public static IReadOnlyList<BaselineResult> EvaluateMissing(RunRecord run, SearchSpace space,
        Func<int, ICandidateEvaluator> evaluator, Action<string>? log, CancellationToken cancel, int workers = 1)
    {
        var done = run.Baselines.ToDictionary(b => b.Genome, StringComparer.Ordinal);
        ulong seed = SeedFor(run.Info.Seed);
        var todo = space.Baselines.Where(g => !done.ContainsKey(g))
            .Select(g => new RetrainingItem(new ConfirmationCandidate(g, ConfirmationCandidate.BaselineRole, null), space.FinalPlan, 1, seed, "baseline"))
            .ToArray();
        RetrainingRunner.Run(space, todo, Math.Max(1, Math.Min(workers, todo.Length)), evaluator, (item, report, _) =>
        {
            var r = report.Result;
            done[item.Candidate.Genome] = new BaselineResult(item.Candidate.Genome, seed, r.Status == EvaluationStatus.Accepted ? r.Objectives : null,
                r.Stage, r.Reason, new(report.Metrics), new(report.Learned));
            run.Directory.WriteBaselines(Ordered(space, done));
        }, log, cancel);
        return Ordered(space, done);
    }

    private static BaselineResult[] Ordered(SearchSpace space, Dictionary<string, BaselineResult> done) =>
        space.Baselines.Where(done.ContainsKey).Select(g => done[g]).ToArray();
}
