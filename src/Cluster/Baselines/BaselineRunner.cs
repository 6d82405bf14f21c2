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
    public static IReadOnlyList<BaselineResult> EvaluateMissing(RunRecord run, SearchSpace space,
        Func<ICandidateEvaluator> evaluator, Action<string>? log, CancellationToken cancel)
    {
        var done = run.Baselines.ToDictionary(b => b.Genome, StringComparer.Ordinal);
        ICandidateEvaluator? instance = null;
        ulong seed = SeedFor(run.Info.Seed);
        foreach (string genome in space.Baselines)
        {
            if (cancel.IsCancellationRequested) break;
            if (done.ContainsKey(genome)) continue;
            log?.Invoke($"baseline {genome}: evaluating");
            instance ??= evaluator();
            var report = instance.Evaluate(new EvaluationJob(space.Family.Name, genome, seed, space.FinalPlan, space.FamilySpace), NoEquivalenceLookup.Instance, cancel);
            if (cancel.IsCancellationRequested) break;
            var r = report.Result;
            done[genome] = new BaselineResult(genome, seed, r.Status == EvaluationStatus.Accepted ? r.Objectives : null,
                r.Stage, r.Reason, new(report.Metrics), new(report.Learned));
            run.Directory.WriteBaselines(Ordered(space, done));
            log?.Invoke($"baseline {genome}: {(r.Objectives is { } o ? string.Join(", ", o.Select(v => v.ToString("G4"))) : $"{r.Status} {r.Stage} {r.Reason}")}");
        }
        return Ordered(space, done);
    }

    private static BaselineResult[] Ordered(SearchSpace space, Dictionary<string, BaselineResult> done) =>
        space.Baselines.Where(done.ContainsKey).Select(g => done[g]).ToArray();
}
