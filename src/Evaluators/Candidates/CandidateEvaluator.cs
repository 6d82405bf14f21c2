using System.Diagnostics;
using Evaluators.Candidates.Stages;
using Evaluators.Candidates.Training;
using Evaluators.Families;
using Evaluators.Runtime;
using Evaluators.Training;
using Evaluators.Training.Batched;
using System.Runtime.CompilerServices;
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
public sealed class CandidateEvaluator : IBatchCandidateEvaluator, IDisposable
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

    /// <summary>Batched training runs (<see cref="EvaluateBatch"/>: one per group x task x seed) done so far.</summary>
    public int BatchedRuns { get; private set; }

    /// <summary>Groups that trained one by one after a batched run threw (the exception's message is kept in <see cref="LastBatchFallback"/>).</summary>
    public int BatchFallbacks { get; private set; }

    public string? LastBatchFallback { get; private set; }

    /// <summary>Prepared datasets held (one per task and train-subset override).</summary>
    public int CachedTaskCount => _data.Count;

    public EvaluationReport Evaluate(EvaluationJob job, IEquivalenceLookup cache, CancellationToken cancel)
    {
        var screened = Screen(job, cache, cancel);
        return screened.Report ?? Finish(screened.Passed!, Alone(screened.Passed!, cancel), cancel);
    }

    /// <summary>
    /// Evaluates several jobs and returns their reports in order, each equal to what <see cref="Evaluate"/>
    /// gives up to float rounding: every job passes its rejection stages alone, then the jobs whose full
    /// training is alike (same tasks, budgets, data and seed count; an MLP task, see
    /// <see cref="BatchedTrainer.WhyNot"/>) train together, one <see cref="BatchedTrainer"/> run per
    /// task x seed, with each job's own training seeds. Should a batched run throw, its jobs train one
    /// by one instead, so one bad candidate fails alone. Each job is charged an equal share of its
    /// group's training time.
    /// </summary>
    public IReadOnlyList<EvaluationReport> EvaluateBatch(IReadOnlyList<EvaluationJob> jobs, IEquivalenceLookup cache, CancellationToken cancel)
    {
        var reports = new EvaluationReport[jobs.Count];
        var passed = new List<(int Index, Screened Job)>();
        for (int i = 0; i < jobs.Count; i++)
        {
            var screened = Screen(jobs[i], cache, cancel);
            if (screened.Report is { } done) reports[i] = done;
            else passed.Add((i, screened.Passed!));
        }
        foreach (var group in passed.GroupBy(p => p.Job.TrainingKey).Select(g => g.ToArray()))
        {
            var runs = group.Length > 1 && group[0].Job.Tasks.All(t => BatchedTrainer.WhyNot(t.Task.Template, t.Settings) is null)
                ? TrainTogether(group.Select(g => g.Job).ToArray(), cancel) : null;
            for (int k = 0; k < group.Length; k++)
            {
                var (index, job) = group[k];
                reports[index] = runs is null
                    ? Finish(job, Alone(job, cancel), cancel)
                    : Finish(job, (task, s) => runs[(k, task.Name, s)], cancel, pretrained: true);
            }
        }
        return reports;
    }

    /// <summary>One batched run per task x seed over the group; null when one threw (the caller then trains one by one).</summary>
    private Dictionary<(int, string, int), (TrainingMetrics, IReadOnlyDictionary<string, double>)>? TrainTogether(
        Screened[] group, CancellationToken cancel)
    {
        var runs = new Dictionary<(int, string, int), (TrainingMetrics, IReadOnlyDictionary<string, double>)>();
        try
        {
            foreach (var task in group[0].Tasks)
                for (int s = 0; s < group[0].Job.Plan.Seeds; s++)
                {
                    cancel.ThrowIfCancellationRequested();
                    var learned = new IReadOnlyDictionary<string, double>[group.Length];
                    var metrics = BatchedTrainer.Train(task.Task.Template, group.Select(g => g.Candidate.Slot).ToArray(), task.Data, task.Settings,
                        group.Select(g => CandidateSeeds.Training(g.Job.Seed, task.Name, s)).ToArray(), cancel,
                        (k, model) => learned[k] = group[k].Candidate.ReadLearned(model, _options.CompleteLearned));
                    for (int k = 0; k < group.Length; k++) runs[(k, task.Name, s)] = (metrics[k], learned[k]);
                    BatchedRuns++;
                }
            return runs;
        }
        catch (Exception e) when (!cancel.IsCancellationRequested)
        {
            BatchFallbacks++;
            LastBatchFallback = $"{e.GetType().Name}: {e.Message}";
            return null;
        }
    }

    /// <summary>A screened job's training on (task, seed index), its metrics and learned values: trained alone, or looked up from a batched run.</summary>
    private delegate (TrainingMetrics Metrics, IReadOnlyDictionary<string, double> Learned) TrainingRun(PlannedTask task, int seed);

    /// <summary>A job that passed its rejection stages, waiting for full training.</summary>
    private sealed record Screened(EvaluationJob Job, ICompiledCandidate Candidate, PlannedTask[] Tasks, IReadOnlyList<ObjectiveSpec> Objectives,
        ReportBuilder Report, RejectionPipeline<CandidateContext> Pipeline, CandidateContext Context, Stopwatch Clock)
    {
        /// <summary>Jobs with equal keys train alike: same tasks (budget, data) in order and as many seeds.</summary>
        public string TrainingKey => string.Join(";", Tasks.Select(t => $"{t.Name}|{t.Settings}|{RuntimeHelpers.GetHashCode(t.Data)}")) + $";seeds={Job.Plan.Seeds}";
    }

    /// <summary>The rejection stages: a finished report (rejected, reused, failed) or the job ready for training.</summary>
    private (EvaluationReport? Report, Screened? Passed) Screen(EvaluationJob job, IEquivalenceLookup cache, CancellationToken cancel)
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
            if (outcome.Passed) return (null, new Screened(job, context.RequireCompiled(), tasks, objectives, report, pipeline, context, clock));
            if (outcome.Kind == VerdictKind.Reuse) report.Metrics["reused"] = 1;
            var result = outcome.Kind == VerdictKind.Reuse
                ? outcome.Reused!
                : EvaluationResult.Reject(outcome.Stage!, outcome.Reason!, clock.Elapsed.TotalSeconds);
            return (report.Build(result, clock), null);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            if (pipeline is not null) report.TakeFrom(pipeline, context);
            return (report.Build(EvaluationResult.Fail($"{e.GetType().Name}: {e.Message}", clock.Elapsed.TotalSeconds), clock), null);
        }
    }

    /// <summary>Full training of a screened job through <paramref name="run"/> (task, seed index), as a report; failures come back as results.</summary>
    private EvaluationReport Finish(Screened job, TrainingRun run, CancellationToken cancel,
        bool pretrained = false)
    {
        try
        {
            return job.Report.Build(Train(job, run, pretrained, cancel), job.Clock);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            job.Report.TakeFrom(job.Pipeline, job.Context);
            return job.Report.Build(EvaluationResult.Fail($"{e.GetType().Name}: {e.Message}", job.Clock.Elapsed.TotalSeconds), job.Clock);
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
    private EvaluationResult Train(Screened screened, TrainingRun run,
        bool pretrained, CancellationToken cancel)
    {
        var (job, tasks, objectives, report, clock) = (screened.Job, screened.Tasks, screened.Objectives, screened.Report, screened.Clock);
        long start = Stopwatch.GetTimestamp();
        double batchedSeconds = 0; // this job's share of batched runs, trained before this call
        var summaries = new Dictionary<string, TaskSummary>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            var runs = new List<TrainingMetrics>();
            for (int s = 0; s < job.Plan.Seeds; s++)
            {
                cancel.ThrowIfCancellationRequested();
                var (m, learned) = run(task, s);
                if (pretrained) batchedSeconds += m.WallSeconds; // trained before this call: its share counts instead of the lookup's
                _secondsPerStep[task.Name] = m.WallSeconds / Math.Max(1, m.Steps);
                if (summaries.Count == 0 && s == 0) report.Learned = learned;
                if (m.Diverged)
                {
                    report.Count(TrainingStage, rejected: true, Stopwatch.GetElapsedTime(start).TotalSeconds + batchedSeconds);
                    return EvaluationResult.Reject(TrainingStage,
                        $"diverged (non-finite loss) on {task.Name}, seed {s}, within {m.Steps} steps", clock.Elapsed.TotalSeconds);
                }
                runs.Add(m);
            }
            summaries[task.Name] = TaskSummary.Of(runs);
            summaries[task.Name].AddTo(report.Metrics, task.Name);
        }
        report.Count(TrainingStage, rejected: false, Stopwatch.GetElapsedTime(start).TotalSeconds + batchedSeconds);
        var values = objectives.Select(o => o.ValueFrom(summaries)).ToArray();
        return new EvaluationResult(EvaluationStatus.Accepted, values, Seconds: clock.Elapsed.TotalSeconds);
    }

    /// <summary>One job's trainings one by one, on its own training seeds, telling progress when asked to.</summary>
    private TrainingRun Alone(Screened job, CancellationToken cancel) =>
        (task, s) => CandidateTraining.Run(task, job.Candidate, task.Settings, CandidateSeeds.Training(job.Job.Seed, task.Name, s), cancel,
            _options.CompleteLearned, _options.TrainingProgress is { } tell ? Tell(tell, task.Name, s, job.Job.Plan.Seeds) : null);

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
