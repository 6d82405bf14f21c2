using System.Diagnostics;
using System.Globalization;
using Cluster.Protocol;
using Cluster.Spaces;
using Evaluators.Candidates;
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
/// values were measured at. Training is deterministic for a seed, plan and thread count, and the
/// evaluator given should train on one thread as a run's workers do by default, so this gives back
/// the network the run measured; the retrained objectives are compared with the recorded ones, and
/// the comparison is logged and written into the export's note. One evaluator (created on first use,
/// reading every learned value) serves all members; dispose to free it.
/// </summary>
public sealed class ExportRetrainer(RunRecord run, SearchSpace space, Func<ICandidateEvaluator> evaluator, Action<string>? log, CancellationToken cancel)
    : IDisposable
{
    private ICandidateEvaluator? _evaluator;

    /// <summary>Whether the member is a KAN network whose run kept its widths but not its coefficients.</summary>
    public static bool Needs(FrontMember member) => KanLearned.LacksTensors(member.Learned);

    /// <summary>The member's network trained again; null (logged) when the training did not finish accepted.</summary>
    /// <param name="name">The member's name in the export (progress lines).</param>
    /// <exception cref="OperationCanceledException">Cancelled during the training.</exception>
    public RetrainedValues? Retrain(FrontMember member, string name)
    {
        ulong seed = EvaluationSeeds.For(run.Info.Seed, member.Id);
        long values = KanLearned.Parse(member.Learned).Values;
        string count = values.ToString("N0", CultureInfo.InvariantCulture);
        log?.Invoke($"retraining {name} ({count} values; the run kept only its widths) with its seed {seed} ...");
        var clock = Stopwatch.StartNew();
        _evaluator ??= evaluator();
        var job = new EvaluationJob(space.Family.Name, member.Genome, seed, space.PlanFor(member.Rung), space.FamilySpace);
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
        // double.Equals (the default comparer): bit-for-bit values, and NaN (an objective not measured) equals NaN.
        bool identical = r.Objectives.SequenceEqual(member.Objectives);
        string comparison = string.Join(", ", space.Objectives.Items.Select((o, i) =>
            $"{o.Name} {Format(r.Objectives, i, identical)}, recorded {Format(member.Objectives, i, identical)}"));
        log?.Invoke($"retrained {name} ({count} values, {took}): {comparison} " +
                    (identical ? "(identical)" : "- differs from the recorded values: exported the retrained network"));
        string source = $"retrained at export with the run's seed for it ({seed.ToString(CultureInfo.InvariantCulture)}); " +
                        (identical ? "objectives identical to the run's" : $"objectives differ from the run's ({comparison}): these are the retrained network's");
        return new RetrainedValues(report.Learned, source);
    }

    // Identical values read best short; differing ones in full, so a difference in the last digits shows.
    private static string Format(double[] values, int i, bool identical) =>
        i >= values.Length ? "-" : values[i].ToString(identical ? "G6" : "R", CultureInfo.InvariantCulture);

    public void Dispose() => (_evaluator as IDisposable)?.Dispose();
}
