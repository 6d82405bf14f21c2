using System.Diagnostics;
using System.Globalization;
using Cluster.Protocol;
using Cluster.Spaces;
using Evaluators.Candidates;
using Evaluators.Candidates.Training;
using Evaluators.Families.KanBasis;
using Search.Core;
using Search.Engine;

namespace Cluster.Runs;

/// <summary>Trained values a front member is exported with instead of its recorded ones, and where they came from (for the export's notes).</summary>
public sealed record RetrainedValues(IReadOnlyDictionary<string, double> Learned, string Source);

/// <summary>
/// `search export` of a KAN network too big for the run to keep its coefficients (more than
/// <see cref="KanLearned.MaxValues"/> values): trains the member again with the seed the engine gave
/// it (<see cref="EvaluationSeeds.For"/> of the run seed and its id) under the plan of the rung its
/// values were measured at, through the evaluator the run's workers use. Training is deterministic
/// for a seed, plan and thread count, and the evaluator given should train on one thread as a run's
/// workers do by default, so this gives back the network the run measured. Progress goes to the log
/// every tenth of each training; the retrained objectives are compared with the recorded ones (equal
/// within <paramref name="tolerance"/>, relative above 1, or a WARNING line), and the comparison is
/// logged and written into the export's note. One evaluator (created on first use, reading every
/// learned value and reporting progress to this retrainer) serves all members; dispose to free it.
/// </summary>
/// <param name="evaluator">Creates the evaluator, given where it reports its trainings' progress.</param>
/// <param name="tolerance">Largest difference between a retrained and a recorded objective taken as a match.</param>
public sealed class ExportRetrainer(RunRecord run, SearchSpace space, Func<Action<CandidateTrainingProgress>, ICandidateEvaluator> evaluator,
    Action<string>? log, CancellationToken cancel, double tolerance = ExportRetrainer.DefaultTolerance)
    : IDisposable
{
    /// <summary>Default of `search export --retrain-tolerance`: last-bit differences pass, a changed prediction does not.</summary>
    public const double DefaultTolerance = 1e-6;

    private ICandidateEvaluator? _evaluator;
    private string _member = "";
    private (string Task, int Seed, int Tenths) _shown;

    /// <summary>Whether the member is a KAN network whose run kept its widths but not its coefficients.</summary>
    public static bool Needs(FrontMember member) => KanLearned.LacksTensors(member.Learned);

    /// <summary>The member's network trained again; null (logged) when the training did not finish accepted.</summary>
    /// <param name="name">The member's name in the export (progress lines).</param>
    /// <exception cref="OperationCanceledException">Cancelled during the training.</exception>
    public RetrainedValues? Retrain(FrontMember member, string name)
    {
        ulong seed = EvaluationSeeds.For(run.Info.Seed, member.Id);
        var plan = space.PlanFor(member.Rung);
        string tasks = (plan.Tasks.Count == 1 ? "task " : "tasks ") + string.Join(", ", plan.Tasks) +
                       (plan.Seeds > 1 ? $" ({plan.Seeds} seeds)" : "");
        string count = KanLearned.Parse(member.Learned).Values.ToString("N0", CultureInfo.InvariantCulture);
        string seedText = seed.ToString(CultureInfo.InvariantCulture);
        log?.Invoke($"retraining {name} ({count} values; the run kept only its widths) with seed {seedText} on {tasks} ...");
        var clock = Stopwatch.StartNew();
        (_member, _shown) = (name, ("", -1, -1));
        _evaluator ??= evaluator(Progress);
        var job = new EvaluationJob(space.Family.Name, member.Genome, seed, plan, space.FamilySpace);
        var report = _evaluator.Evaluate(job, NoEquivalenceLookup.Instance, cancel);
        cancel.ThrowIfCancellationRequested();
        var r = report.Result;
        string took = $"{clock.Elapsed.TotalSeconds:F0} s";
        if (r.Status != EvaluationStatus.Accepted || r.Objectives is null || KanLearned.Parse(report.Learned).Tensors is null)
        {
            log?.Invoke($"retraining {name} did not finish ({r.Status} at {r.Stage}: {r.Reason}; {took}): " +
                        "exported from initialisation (pass --data DIR if its dataset is elsewhere)");
            return null;
        }
        var match = RetrainedObjectives.Compare(r.Objectives, member.Objectives, tolerance);
        string within = tolerance.ToString("G3", CultureInfo.InvariantCulture);
        string comparison = string.Join(", ", space.Objectives.Items.Select((o, i) =>
            $"{(i < plan.Objectives.Count ? plan.Objectives[i] : o.Name)} {Format(r.Objectives, i, match)} (search recorded {Format(member.Objectives, i, match)})"));
        string verdict = match switch
        {
            ObjectivesMatch.Identical => "identical",
            ObjectivesMatch.WithinTolerance => $"equal within {within}",
            _ => $"DIFFERENT beyond {within}: the retrained network is exported",
        };
        string source = $"retrained at export with seed {seedText} on {tasks}; {comparison}; {verdict}";
        if (match == ObjectivesMatch.Different)
            log?.Invoke($"WARNING: {name} retrained to other objectives than the run recorded ({comparison}; tolerance " +
                        $"{within}): exported the retrained network (more threads, another device or libtorch than the run's?)");
        log?.Invoke($"retrained {name} ({count} values, {took}): {comparison}; {verdict}");
        return new RetrainedValues(report.Learned, source);
    }

    // A line whenever a training (task, seed) of the member being retrained passes into another tenth of its steps.
    private void Progress(CandidateTrainingProgress p)
    {
        int tenths = (int)(10L * p.Step.Step / Math.Max(1, p.Step.TotalSteps));
        if (_shown == (p.Task, p.Seed, tenths)) return;
        _shown = (p.Task, p.Seed, tenths);
        string seed = p.Seeds > 1 ? $" seed {p.Seed + 1}/{p.Seeds}" : "";
        log?.Invoke($"  {_member}: {p.Task}{seed} {100L * p.Step.Step / Math.Max(1, p.Step.TotalSteps)}% (step {p.Step.Step}/{p.Step.TotalSteps}, " +
                    $"loss {p.Step.Loss.ToString("G4", CultureInfo.InvariantCulture)}, {p.Step.Seconds:F0} s)");
    }

    // Identical values read best short; differing ones in full, so a difference in the last digits shows.
    private static string Format(double[] values, int i, ObjectivesMatch match) =>
        i >= values.Length ? "-" : values[i].ToString(match == ObjectivesMatch.Identical ? "G6" : "R", CultureInfo.InvariantCulture);

    public void Dispose() => (_evaluator as IDisposable)?.Dispose();
}
