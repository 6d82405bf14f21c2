using System.Globalization;
using Evaluators.Candidates.Training;
using Evaluators.Training;
using Search.Core;
using Search.Rejection;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Candidates.Stages;

/// <summary>
/// EvoNorms' stability rejection. Builds the task's model with the candidate (seeded as a training
/// run), takes one seeded batch, and for <see cref="StabilitySettings.Steps"/> steps moves the
/// parameters up the gradient of G = ||dL/dtheta|| (double backward: the loss gradient is taken with
/// create_graph, then G is differentiated), each step of length <see cref="StabilitySettings.StepSize"/>
/// along the normalised ascent direction. Rejects when G (measured before every step and after the
/// last) or its gradient is non-finite, or G exceeds the threshold.
/// </summary>
public sealed class StabilityStage(StabilitySettings settings, PlannedTask task, ulong seed, double estimatedCostSeconds)
    : IRejectionStage<CandidateContext>
{
    public string Name => StageNames.Stability;
    public double EstimatedCostSeconds => estimatedCostSeconds;

    /// <summary>Largest gradient norm seen by the last check (for reports and tests).</summary>
    public double LastMaxGradientNorm { get; private set; } = double.NaN;

    public StageVerdict Check(CandidateContext candidate)
    {
        candidate.Cancel.ThrowIfCancellationRequested();
        using var scope = NewDisposeScope();
        var data = task.Data;
        using var model = Trainer.Build(task.Task.Template, candidate.RequireCompiled().Slot, data, seed, task.Settings.UnitGain);
        model.train();
        var (x, y) = Batch(data);
        var parameters = model.parameters().Where(p => p.requires_grad).ToArray();
        double max = 0;
        for (int step = 0; step <= settings.Steps; step++)
        {
            candidate.Cancel.ThrowIfCancellationRequested();
            using var stepScope = NewDisposeScope();
            // 0 * sum(p) ties every parameter into both graphs: libtorch refuses (natively) to
            // differentiate with respect to an input the graph does not use.
            var tie = parameters.Select(p => p.sum()).Aggregate((a, b) => a + b) * 0;
            var loss = Trainer.Loss(model.forward(x), y, data.IsClassification) + tie;
            var grads = autograd.grad([loss], parameters, retain_graph: true, create_graph: true);
            var norm = (grads.Select(g => g.square().sum()).Aggregate((a, b) => a + b) + tie).sqrt();
            double g = norm.to_type(ScalarType.Float64).item<double>();
            max = Math.Max(max, double.IsNaN(g) ? double.PositiveInfinity : g);
            LastMaxGradientNorm = max;
            if (!double.IsFinite(g)) return Reject($"non-finite gradient norm at ascent step {step}");
            if (g > settings.MaxGradientNorm)
                return Reject($"gradient norm {F(g)} at ascent step {step} exceeds {F(settings.MaxGradientNorm)}");
            if (step == settings.Steps) break;
            var ascent = autograd.grad([norm], parameters);
            double length = Math.Sqrt(ascent.Sum(a => a.square().sum().to_type(ScalarType.Float64).item<double>()));
            if (!double.IsFinite(length)) return Reject($"non-finite gradient of the gradient norm at ascent step {step}");
            if (length == 0) break; // a flat spot: no direction makes it worse
            using var noGrad = no_grad();
            for (int i = 0; i < parameters.Length; i++) parameters[i].add_(ascent[i], alpha: settings.StepSize / length);
        }
        return StageVerdict.Pass;

        StageVerdict Reject(string why) => StageVerdict.Reject($"{why} on {task.Name}");
    }

    /// <summary>A seeded batch of distinct training samples (partial Fisher-Yates over the indices).</summary>
    private (Tensor X, Tensor Y) Batch(PreparedData data)
    {
        int n = data.TrainCount, count = Math.Min(settings.BatchSize, n);
        var order = new long[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var rng = new Rng(seed ^ 0x57AB1E);
        for (int i = 0; i < count; i++)
        {
            int j = i + rng.NextInt(n - i);
            (order[i], order[j]) = (order[j], order[i]);
        }
        var index = tensor(order.AsSpan(0, count).ToArray(), device: data.TrainX.device);
        return (data.TrainX.index_select(0, index), data.TrainY.index_select(0, index));
    }

    private static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
