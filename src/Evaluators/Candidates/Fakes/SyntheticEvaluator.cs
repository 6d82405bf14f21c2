using System.Diagnostics;
using Search.Core;
using Search.Genomes.Activation;
using Search.Rejection;

namespace Evaluators.Candidates.Fakes;

/// <summary>
/// A deterministic stand-in for training, with the real evaluator's stage names: structural
/// (parse, space limits), numeric (non-finite values on the probes or the grid), fec (asks the
/// lookup with the engine's fingerprint of the pure double evaluation), then objectives from how
/// well the genome, at its initial learnables, fits <see cref="SyntheticSettings.Target"/>:
/// validation_accuracy = exp(-rmse on the grid), test_accuracy = exp(-rmse on the grid's
/// midpoints), validation_rmse = rmse, parameters = node count, step_seconds = 1e-3 x node count.
/// Optional delay and injected faults for poison-handling tests. No TorchSharp; thread-safe.
/// </summary>
public sealed class SyntheticEvaluator : ICandidateEvaluator
{
    private readonly ActivationFamily _family;
    private readonly ActivationGenome _target;
    private readonly SyntheticSettings _settings;

    public SyntheticEvaluator(SyntheticSettings? settings = null, ActivationSpace? space = null)
    {
        _settings = settings ?? new SyntheticSettings();
        if (_settings.Points < 2 || !(_settings.Low < _settings.High))
            throw new ArgumentException("the synthetic task needs at least 2 points on a non-empty interval");
        _family = new ActivationFamily(space);
        _target = _family.Parse(_settings.Target);
    }

    public EvaluationReport Evaluate(EvaluationJob job, IEquivalenceLookup cache, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        var counters = new RejectionCounters();
        InjectFault(job.GenomeText, cancel);

        ActivationGenome genome;
        try { genome = _family.Parse(job.GenomeText); }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return Rejected(StageNames.Structural, $"does not parse: {e.Message}", null);
        }
        InjectFault(genome.Text, cancel);
        if (!_family.IsWithinLimits(genome)) return Rejected(StageNames.Structural, "outside the activation space's limits", null);
        Count(StageNames.Structural);

        var fingerprint = ProbeFingerprint.OfFunction(genome.Evaluate);
        double val = Rmse(genome, 0), test = Rmse(genome, 0.5);
        if (!fingerprint.IsFinite || !double.IsFinite(val) || !double.IsFinite(test))
            return Rejected(StageNames.NumericSanity, "non-finite output on the probes or the grid", fingerprint);
        Count(StageNames.NumericSanity);

        if (job.Plan.EquivalenceCache)
        {
            bool hit = cache.TryGet(fingerprint, out var stored);
            counters.Add(new StageStats(StageNames.FunctionalEquivalence, Examined: 1, Reused: hit ? 1 : 0));
            if (hit) return Report(stored, fingerprint, new Dictionary<string, double> { ["reused"] = 1 });
        }

        if (_settings.Delay > TimeSpan.Zero) cancel.WaitHandle.WaitOne(_settings.Delay);
        cancel.ThrowIfCancellationRequested();

        var noise = new Rng(job.Seed ^ genome.StructuralHash);
        double Noisy(double accuracy) => _settings.NoiseStd > 0 ? accuracy + _settings.NoiseStd * noise.Normal() : accuracy;
        double valAcc = Noisy(Math.Exp(-val)), testAcc = Noisy(Math.Exp(-test));
        var values = job.Plan.Objectives.Select(o => o.Split('@')[0] switch
        {
            "validation_accuracy" => valAcc,
            "test_accuracy" => testAcc,
            "validation_rmse" => val,
            "parameters" => genome.NodeCount,
            "step_seconds" => 1e-3 * genome.NodeCount,
            var m => throw new ArgumentException($"objective '{o}': unknown metric '{m}'"),
        }).ToArray();
        counters.Add(new StageStats(CandidateEvaluator.TrainingStage, Examined: 1, Seconds: clock.Elapsed.TotalSeconds));
        var metrics = new Dictionary<string, double> { ["synthetic/validation_rmse"] = val, ["synthetic/test_rmse"] = test };
        return Report(new EvaluationResult(EvaluationStatus.Accepted, values, Seconds: clock.Elapsed.TotalSeconds), fingerprint, metrics,
            genome.Learnables);

        void Count(string stage) => counters.Add(new StageStats(stage, Examined: 1));

        EvaluationReport Rejected(string stage, string reason, ProbeFingerprint? fp)
        {
            counters.Add(new StageStats(stage, Examined: 1, Rejected: 1));
            return Report(EvaluationResult.Reject(stage, reason, clock.Elapsed.TotalSeconds), fp, new Dictionary<string, double>());
        }

        EvaluationReport Report(EvaluationResult result, ProbeFingerprint? fp, IReadOnlyDictionary<string, double> m,
            IReadOnlyDictionary<string, double>? learned = null) =>
            new(result, fp, counters, m, learned ?? new Dictionary<string, double>());
    }

    /// <summary>Root-mean-square distance to the target on the grid, shifted by <paramref name="offset"/> grid steps.</summary>
    private double Rmse(ActivationGenome genome, double offset)
    {
        double step = (_settings.High - _settings.Low) / (_settings.Points - 1), sum = 0;
        int n = offset == 0 ? _settings.Points : _settings.Points - 1;
        for (int i = 0; i < n; i++)
        {
            double x = _settings.Low + (i + offset) * step, d = genome.Evaluate(x) - _target.Evaluate(x);
            sum += d * d;
        }
        return Math.Sqrt(sum / n);
    }

    private void InjectFault(string text, CancellationToken cancel)
    {
        if (!_settings.Faults.TryGetValue(text, out var fault)) return;
        switch (fault)
        {
            case InjectedFault.Throw:
                throw new InjectedFaultException(text);
            case InjectedFault.Hang:
                cancel.WaitHandle.WaitOne();
                cancel.ThrowIfCancellationRequested();
                break;
            case InjectedFault.ExitProcess:
                Environment.Exit(_settings.CrashExitCode);
                break;
        }
    }
}
