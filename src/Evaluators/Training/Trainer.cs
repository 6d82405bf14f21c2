using System.Diagnostics;
using Evaluators.Models;
using Evaluators.Slots;
using Evaluators.Training.Lbfgs;
using Search.Core;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Training;

/// <summary>
/// Trains one model built from a template and a slot filler on prepared data, and measures it.
/// Every step runs in its own dispose scope, so nothing outlives the call but the metrics.
/// Seeded: the seed fixes the initial weights (torch's generator) and the batch order (the
/// engine's Rng), so a run is repeatable on the same hardware and thread count. The optional
/// <c>cancel</c> is checked before every step (an OperationCanceledException leaves nothing live),
/// and <c>trained</c> sees the trained model before it is disposed (to read learned scalars).
/// </summary>
public static class Trainer
{
    // torch.manual_seed sets process-wide state: building a model under this lock keeps the
    // initial weights a function of the seed even with several evaluators in one process.
    private static readonly object InitLock = new();

    public static TrainingMetrics Train(IModelTemplate template, ISlotFactory slot, PreparedData data,
        TrainingSettings settings, ulong seed, Action<TrainingProgress>? progress = null,
        CancellationToken cancel = default, Action<nn.Module<Tensor, Tensor>>? trained = null)
    {
        settings.Validate();
        using var scope = NewDisposeScope();
        var device = data.TrainX.device;
        using var model = Build(template, slot, data, seed, settings.UnitGain);
        long parameters = model.parameters().Sum(p => p.numel());
        bool fullBatch = settings.Optimizer == OptimizerFactory.Lbfgs;
        using var optimizer = fullBatch ? null : OptimizerFactory.Create(settings.Optimizer, model.parameters(), settings);
        var schedule = optimizer is null ? null : OptimizerFactory.EpochSchedule(optimizer, settings);
        // Slot modules that add loss terms or follow the step (none for activations and norm-act layers,
        // whose steps then run exactly the operations they always did).
        var auxiliary = model.modules().OfType<IAuxiliaryLoss>().ToArray();
        var stepAware = model.modules().OfType<IStepAware>().ToArray();

        var rng = new Rng(seed ^ 0x5DEECE66DUL);
        int n = data.TrainCount, batch = Math.Min(settings.BatchSize, n);
        int stepsPerEpoch = settings.StepsPerEpoch(n);
        int totalSteps = settings.TotalSteps(n);
        var clock = Stopwatch.StartNew();
        int step = 0;
        double lastLoss = double.NaN;
        bool diverged = false;
        var order = new long[n];

        model.train();
        if (fullBatch)
            (step, lastLoss, diverged) = FullBatch(model, data, settings, totalSteps, auxiliary, stepAware, progress, clock, cancel);
        for (int epoch = 0; !fullBatch && epoch < settings.Epochs && step < totalSteps && !diverged; epoch++)
        {
            for (int i = 0; i < n; i++) order[i] = i;
            rng.Shuffle(order);
            for (int b = 0; b < stepsPerEpoch && step < totalSteps; b++)
            {
                cancel.ThrowIfCancellationRequested();
                using var stepScope = NewDisposeScope();
                int start = b * batch, count = Math.Min(batch, n - start);
                var index = tensor(order.AsSpan(start, count).ToArray(), device: device);
                var x = data.TrainX.index_select(0, index);
                var y = data.TrainY.index_select(0, index);
                optimizer!.zero_grad();
                var at = new TrainingStep(step, totalSteps);
                foreach (var m in stepAware) m.BeforeStep(at);
                var loss = Loss(model.forward(x), y, data.IsClassification);
                foreach (var m in auxiliary)
                    if (m.AuxiliaryLoss is { } extra) loss = loss.add(extra);
                loss.backward();
                optimizer.step();
                foreach (var m in stepAware) m.AfterStep(at);
                step++;
                if (step % 50 == 0 || step == totalSteps)
                {
                    lastLoss = loss.item<float>();
                    if (!double.IsFinite(lastLoss)) { diverged = true; break; }
                    progress?.Invoke(new TrainingProgress(step, totalSteps, lastLoss, clock.Elapsed.TotalSeconds));
                }
            }
            schedule?.step(); // after the epoch, as torch's examples call it
        }
        double trainSeconds = clock.Elapsed.TotalSeconds;
        cancel.ThrowIfCancellationRequested();
        return Measure(model, data, settings, parameters, step, lastLoss, diverged, trainSeconds, trained);
    }

    /// <summary>
    /// What a trained model reports: validation (and test) scores in eval mode, slot measures, then
    /// <paramref name="trained"/> sees the model. Shared by this trainer and the batched one
    /// (<see cref="Batched.BatchedTrainer"/>), so both measure alike. Wall seconds are
    /// <paramref name="trainSeconds"/> plus the time measured here.
    /// </summary>
    internal static TrainingMetrics Measure(nn.Module<Tensor, Tensor> model, PreparedData data, TrainingSettings settings,
        long parameters, int step, double lastLoss, bool diverged, double trainSeconds, Action<nn.Module<Tensor, Tensor>>? trained)
    {
        var clock = Stopwatch.StartNew();
        model.eval();
        // Slot measures (expert loads, drops) describe the validation split: reset before it, read after it.
        var measured = model.modules().OfType<IMeasuredSlot>().ToArray();
        foreach (var m in measured) m.ResetMeasures();
        var val = data.ValX is null ? Score.None : Evaluate(model, data.ValX, data.ValY!, data.IsClassification, settings.EvalBatchSize);
        var measures = SlotMeasures.Average(measured);
        var test = settings.EvaluateTestSet ? Evaluate(model, data.TestX, data.TestY, data.IsClassification, settings.EvalBatchSize) : Score.None;
        // RMSEs in the target's own units; losses stay on the (possibly standardised) targets trained on.
        val = val with { Rmse = val.Rmse * data.TargetScale };
        test = test with { Rmse = test.Rmse * data.TargetScale };
        trained?.Invoke(model);
        return new TrainingMetrics(
            ValidationAccuracy: val.Accuracy, TestAccuracy: test.Accuracy,
            ValidationRmse: val.Rmse, TestRmse: test.Rmse, ValidationLoss: val.Loss,
            FinalTrainLoss: lastLoss, Parameters: parameters, Steps: step,
            WallSeconds: trainSeconds + clock.Elapsed.TotalSeconds,
            StepsPerSecond: step / Math.Max(trainSeconds, 1e-9),
            Diverged: diverged || !double.IsFinite(val.Loss) && data.ValX is not null) { Measures = measures };
    }

    /// <summary>
    /// L-BFGS on the whole training split: each step is one optimizer step of up to 20 iterations with a
    /// strong-Wolfe line search (pykan's fitting recipe), so "epochs" count L-BFGS steps. Sample-adaptive
    /// slot modules (KAN grids) adapt to the training inputs every 10 steps up to step 50, as pykan's fit
    /// does (not at step 0, where hidden layers carry the random initial range).
    /// </summary>
    private static (int Steps, double LastLoss, bool Diverged) FullBatch(nn.Module<Tensor, Tensor> model, PreparedData data,
        TrainingSettings settings, int totalSteps, IAuxiliaryLoss[] auxiliary, IStepAware[] stepAware,
        Action<TrainingProgress>? progress, Stopwatch clock, CancellationToken cancel)
    {
        var options = new LbfgsOptions { LearningRate = settings.LearningRate };
        var lbfgs = new LbfgsOptimizer(model.parameters(), options);
        double lastLoss = double.NaN;
        for (int step = 0; step < totalSteps; step++)
        {
            cancel.ThrowIfCancellationRequested();
            // pykan's grid updates: each adaptive layer follows its inputs; the curvature history is stale afterwards.
            if (step > 0 && SampleAdaptation.IsDue(step) && SampleAdaptation.AdaptTo(model, data.TrainX))
                lbfgs = new LbfgsOptimizer(model.parameters(), options);
            var at = new TrainingStep(step, totalSteps);
            foreach (var m in stepAware) m.BeforeStep(at);
            lastLoss = lbfgs.Step(() =>
            {
                using var scope = NewDisposeScope();
                var loss = Loss(model.forward(data.TrainX), data.TrainY, data.IsClassification);
                foreach (var m in auxiliary)
                    if (m.AuxiliaryLoss is { } extra) loss = loss.add(extra);
                loss.backward();
                return loss.ToDouble();
            });
            foreach (var m in stepAware) m.AfterStep(at);
            if (!double.IsFinite(lastLoss)) return (step + 1, lastLoss, true);
            progress?.Invoke(new TrainingProgress(step + 1, totalSteps, lastLoss, clock.Elapsed.TotalSeconds));
        }
        return (totalSteps, lastLoss, false);
    }

    /// <summary>The model a run with this seed starts from, on the data's device (the caller owns it).</summary>
    /// <param name="unitGain">Scale every slot layer to unit second moment (<see cref="TrainingSettings.UnitGain"/>).</param>
    public static nn.Module<Tensor, Tensor> Build(IModelTemplate template, ISlotFactory slot, PreparedData data, ulong seed, bool unitGain = false) =>
        Seeded(seed, () => template.Build(data.SampleShape, data.Outputs, unitGain ? new UnitGainSlot(slot) : slot).to(data.TrainX.device));

    /// <summary>Runs <paramref name="build"/> with torch's generator seeded, under the lock every seeded build shares.</summary>
    public static T Seeded<T>(ulong seed, Func<T> build)
    {
        lock (InitLock)
        {
            manual_seed((long)(seed & 0x7FFF_FFFF_FFFF_FFFF));
            return build();
        }
    }

    /// <summary>
    /// The training loss: cross-entropy for classification, mean squared error otherwise. Sequence
    /// targets (N, T) meet outputs (N*T, classes): the targets are flattened, so the loss is the
    /// mean over all N*T positions.
    /// </summary>
    public static Tensor Loss(Tensor output, Tensor target, bool classification) =>
        classification ? nn.functional.cross_entropy(output, ClassTargets(target)) : nn.functional.mse_loss(output, target);

    /// <summary>(N) class ids as they are; (N, T) ids per position flattened to (N*T) in row-major order.</summary>
    private static Tensor ClassTargets(Tensor target) => target.dim() > 1 ? target.reshape(-1) : target;

    private readonly record struct Score(double Accuracy, double Rmse, double Loss)
    {
        public static Score None => new(double.NaN, double.NaN, double.NaN);
    }

    private static Score Evaluate(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, bool classification, int batch)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        long n = x.shape[0];
        long labels = classification && y.dim() > 1 ? n * y.shape[1] : n; // tokens for (N, T) targets
        double lossSum = 0, correct = 0, squared = 0;
        for (long start = 0; start < n; start += batch)
        {
            using var batchScope = NewDisposeScope();
            long count = Math.Min(batch, n - start);
            var xb = x.narrow(0, start, count);
            var yb = y.narrow(0, start, count);
            var output = model.forward(xb);
            if (classification)
            {
                yb = ClassTargets(yb);
                lossSum += nn.functional.cross_entropy(output, yb, reduction: nn.Reduction.Sum).item<float>();
                correct += output.argmax(1).eq(yb).sum().item<long>();
            }
            else
            {
                double sq = nn.functional.mse_loss(output, yb, reduction: nn.Reduction.Sum).item<float>();
                squared += sq;
                lossSum += sq;
            }
        }
        return classification
            ? new Score(correct / labels, double.NaN, lossSum / labels)
            : new Score(double.NaN, Math.Sqrt(squared / (n * y.shape[1])), lossSum / (n * y.shape[1]));
    }
}

/// <summary>Reported every 50 steps while training.</summary>
public readonly record struct TrainingProgress(int Step, int TotalSteps, double Loss, double Seconds);
