using System.Diagnostics;
using Evaluators.Candidates.Stages;
using Evaluators.Candidates.Training;
using Evaluators.Families;
using Evaluators.Runtime;
using Evaluators.Training;
using Search.Core;
using Search.Rejection;
using TorchSharp;

namespace Evaluators.Candidates;

/// <summary>
/// Evaluates candidates with TorchSharp: the rejection stages cheapest first (structural, numeric
/// sanity, functional equivalence, stability, quality hurdle), then full training on every task x seed of the
/// plan. Rejections, reuses and failures come back as results, never as exceptions; only
/// cancellation throws (OperationCanceledException). Prepared task data is cached per instance:
/// use one instance per thread, one thread at a time, and dispose it to free the data.
/// Learned scalars are those of the first slot position after the first seed on the first task.
/// </summary>
public sealed class CandidateEvaluator : ICandidateEvaluator, IDisposable
{
    /// <summary>Stage name of full training (counted like the rejection stages; rejects diverged runs).</summary>
    public const string TrainingStage = "training";

    private readonly CandidateEvaluatorOptions _options;
    // One compiler per family space seen (jobs of one run share it); keyed by family and fingerprint.
    private readonly Dictionary<(string Family, ulong Fingerprint, string Text), ICandidateCompiler> _compilers = new();
    private readonly TaskDataCache _data;
    private readonly Dictionary<string, double> _secondsPerStep = new(StringComparer.Ordinal);
    private bool _disposed;

    public CandidateEvaluator(CandidateEvaluatorOptions? options = null)
    {
        _options = options ?? new CandidateEvaluatorOptions();
        TorchRuntime.EnsureReady(_options.Threads);
        _data = new TaskDataCache(_options.ResolveTask, _options.DataDirectory, _options.Device ?? torch.CPU, _options.Catalog);
    }

    /// <summary>Prepared datasets held (one per task and train-subset override).</summary>
    public int CachedTaskCount => _data.Count;

    public EvaluationReport Evaluate(EvaluationJob job, IEquivalenceLookup cache, CancellationToken cancel)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancel.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        var report = new ReportBuilder();
        RejectionPipeline<CandidateContext>? pipeline = null;
        var context = new CandidateContext(job, cancel);
        try
        {
            var compiler = CompilerFor(job.ResolveSpace());
            var objectives = ObjectiveSpec.ParseAll(job.Plan);
            var tasks = job.Plan.Tasks.Distinct().Select(t => _data.Get(t, job.Plan)).ToArray();
            pipeline = new RejectionPipeline<CandidateContext>(Stages(job, cache, compiler, tasks[0]), EstimateFullSeconds(tasks, job.Plan.Seeds));
            var outcome = pipeline.Run(context);
            report.TakeFrom(pipeline, context);
            if (!outcome.Passed)
            {
                if (outcome.Kind == VerdictKind.Reuse) report.Metrics["reused"] = 1;
                var result = outcome.Kind == VerdictKind.Reuse
                    ? outcome.Reused!
                    : EvaluationResult.Reject(outcome.Stage!, outcome.Reason!, clock.Elapsed.TotalSeconds);
                return report.Build(result, clock);
            }
            return report.Build(Train(context.RequireCompiled(), job, tasks, objectives, report, cancel, clock), clock);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            if (pipeline is not null) report.TakeFrom(pipeline, context);
            return report.Build(EvaluationResult.Fail($"{e.GetType().Name}: {e.Message}", clock.Elapsed.TotalSeconds), clock);
        }
    }

    private IEnumerable<IRejectionStage<CandidateContext>> Stages(EvaluationJob job, IEquivalenceLookup cache,
        ICandidateCompiler compiler, PlannedTask firstTask)
    {
        yield return new StructuralStage(compiler);
        yield return new NumericSanityStage(job.Plan.Sanity);
        if (job.Plan.EquivalenceCache) yield return new EquivalenceStage(cache);
        if ((job.Plan.Stability ?? compiler.DefaultStability) is { Enabled: true } stability)
        {
            // About three passes per ascent step (forward, backward with graph, double backward):
            // 10 steps cost ~33 training steps on a smaller batch, under the hurdle's 100, so it runs first.
            double estimate = Math.Max(0.005, 3 * (stability.Steps + 1) * SecondsPerStep(firstTask.Name));
            yield return new StabilityStage(stability, firstTask, CandidateSeeds.Stability(job.Seed, firstTask.Name), estimate);
        }
        if (job.Plan.Hurdle is { } hurdle)
        {
            var task = hurdle.Task is { } name ? _data.Get(name, job.Plan) : firstTask;
            // Kept above the probe stages' declared costs so the pipeline never runs it before them.
            double estimate = Math.Max(0.01, hurdle.Steps * SecondsPerStep(task.Name));
            yield return new QualityHurdleStage(hurdle, task, CandidateSeeds.Hurdle(job.Seed, task.Name), estimate);
        }
    }

    /// <summary>Full training on every task x seed; a diverged run rejects the candidate at <see cref="TrainingStage"/>.</summary>
    private EvaluationResult Train(ICompiledCandidate candidate, EvaluationJob job, PlannedTask[] tasks,
        IReadOnlyList<ObjectiveSpec> objectives, ReportBuilder report, CancellationToken cancel, Stopwatch clock)
    {
        long start = Stopwatch.GetTimestamp();
        var summaries = new Dictionary<string, TaskSummary>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            var runs = new List<TrainingMetrics>();
            for (int s = 0; s < job.Plan.Seeds; s++)
            {
                cancel.ThrowIfCancellationRequested();
                var progress = _options.TrainingProgress is { } tell ? Tell(tell, task.Name, s, job.Plan.Seeds) : null;
                var (m, learned) = CandidateTraining.Run(task, candidate, task.Settings, CandidateSeeds.Training(job.Seed, task.Name, s), cancel,
                    _options.CompleteLearned, progress);
                _secondsPerStep[task.Name] = m.WallSeconds / Math.Max(1, m.Steps);
                if (summaries.Count == 0 && s == 0) report.Learned = learned;
                if (m.Diverged)
                {
                    report.Count(TrainingStage, rejected: true, Stopwatch.GetElapsedTime(start).TotalSeconds);
                    return EvaluationResult.Reject(TrainingStage,
                        $"diverged (non-finite loss) on {task.Name}, seed {s}, within {m.Steps} steps", clock.Elapsed.TotalSeconds);
                }
                runs.Add(m);
            }
            summaries[task.Name] = TaskSummary.Of(runs);
            summaries[task.Name].AddTo(report.Metrics, task.Name);
        }
        report.Count(TrainingStage, rejected: false, Stopwatch.GetElapsedTime(start).TotalSeconds);
        var values = objectives.Select(o => o.ValueFrom(summaries)).ToArray();
        return new EvaluationResult(EvaluationStatus.Accepted, values, Seconds: clock.Elapsed.TotalSeconds);
    }

    private static Action<TrainingProgress> Tell(Action<CandidateTrainingProgress> tell, string task, int seed, int seeds) =>
        step => tell(new CandidateTrainingProgress(task, seed, seeds, step));

    private ICandidateCompiler CompilerFor(FamilySpace space)
    {
        if (space.Family.NotEvaluable is { } why) throw new NotSupportedException($"the '{space.Family.Name}' family cannot be evaluated: {why}");
        var key = (space.Family.Name, space.Fingerprint, space.Text);
        if (!_compilers.TryGetValue(key, out var compiler))
        {
            // Settings without text (built in code, e.g. tests) are not shared by key: compile with them as given.
            compiler = space.Family.Compiler(space.Settings);
            if (space.Text.Length > 0 || ReferenceEquals(space.Settings, space.Family.DefaultSettings)) _compilers[key] = compiler;
        }
        return compiler;
    }

    private double SecondsPerStep(string task) => _secondsPerStep.GetValueOrDefault(task, _options.InitialSecondsPerStep);

    private double EstimateFullSeconds(PlannedTask[] tasks, int seeds) =>
        tasks.Sum(t => t.FullSteps * seeds * SecondsPerStep(t.Name));

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _data.Dispose();
    }
}
