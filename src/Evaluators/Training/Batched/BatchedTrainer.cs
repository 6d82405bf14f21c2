using System.Diagnostics;
using Evaluators.Models;
using Evaluators.Slots;
using Search.Core;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Training.Batched;

/// <summary>
/// Trains K candidates of one MLP template at once and measures each as <see cref="Trainer.Train"/>
/// would have, alone, with the same seed: each model is built by <see cref="Trainer.Build"/> with its
/// seed (same initial weights), draws its batches from its own seeded order (the same batches), and
/// the stacked network (<see cref="StackedMlp"/>) runs all K forward and backward passes as batched
/// products. The loss is the sum of the K per-candidate mean losses, so each candidate's gradients
/// are its solo gradients; one optimizer step over the stacked parameters equals K solo steps, as
/// Adam, AdamW and SGD (momentum, weight decay) act element by element and the trainer clips
/// nothing. A candidate whose loss turns non-finite (read every 50 steps, as the solo trainer does)
/// stops there: its weights are written back at that step and it is measured as diverged; NaNs in
/// one candidate's slice never reach another's. Results equal the solo ones up to float rounding
/// (batched and plain products sum in another order). Wall seconds: each candidate is charged 1/K of
/// the shared training time plus its own measurement.
/// </summary>
public static class BatchedTrainer
{
    /// <summary>Why these cannot train stacked (null when they can): the template must be an MLP, the optimizer per-step.</summary>
    public static string? WhyNot(IModelTemplate template, TrainingSettings settings) =>
        template is not Mlp ? $"template '{template.Name}' is not an MLP"
        : settings.Optimizer == OptimizerFactory.Lbfgs ? "L-BFGS trains full-batch with a line search per model"
        : null;

    /// <summary>
    /// Trains one model per slot factory, <paramref name="seeds"/>[k] for <paramref name="slots"/>[k];
    /// <paramref name="trained"/> sees candidate k's trained model before it is disposed. Slot modules
    /// that add losses, follow steps, adapt to samples or measure themselves are trained one by one
    /// (<see cref="Trainer.Train"/>), as are templates <see cref="WhyNot"/> refuses.
    /// </summary>
    public static IReadOnlyList<TrainingMetrics> Train(IModelTemplate template, IReadOnlyList<ISlotFactory> slots,
        PreparedData data, TrainingSettings settings, IReadOnlyList<ulong> seeds, CancellationToken cancel = default,
        Action<int, nn.Module<Tensor, Tensor>>? trained = null)
    {
        settings.Validate();
        if (slots.Count != seeds.Count) throw new ArgumentException($"{slots.Count} slot factories but {seeds.Count} seeds");
        if (slots.Count == 0) return [];
        if (WhyNot(template, settings) is not null) return Solo(template, slots, data, settings, seeds, cancel, trained);

        using var scope = NewDisposeScope();
        var models = new List<nn.Module<Tensor, Tensor>>();
        try
        {
            for (int k = 0; k < slots.Count; k++) models.Add(Trainer.Build(template, slots[k], data, seeds[k], settings.UnitGain));
            if (models.Any(m => m.modules().Any(x => x is IAuxiliaryLoss or IStepAware or ISampleAdaptive or IMeasuredSlot)))
            {
                foreach (var m in models) m.Dispose();
                models.Clear();
                return Solo(template, slots, data, settings, seeds, cancel, trained);
            }
            return Stacked(models, data, settings, seeds, cancel, trained);
        }
        finally
        {
            foreach (var m in models) m.Dispose();
        }
    }

    private static IReadOnlyList<TrainingMetrics> Solo(IModelTemplate template, IReadOnlyList<ISlotFactory> slots,
        PreparedData data, TrainingSettings settings, IReadOnlyList<ulong> seeds, CancellationToken cancel,
        Action<int, nn.Module<Tensor, Tensor>>? trained) =>
        slots.Select((slot, k) => Trainer.Train(template, slot, data, settings, seeds[k], cancel: cancel,
            trained: trained is null ? null : m => trained(k, m))).ToArray();

    private static TrainingMetrics[] Stacked(List<nn.Module<Tensor, Tensor>> models, PreparedData data, TrainingSettings settings,
        IReadOnlyList<ulong> seeds, CancellationToken cancel, Action<int, nn.Module<Tensor, Tensor>>? trained)
    {
        int K = models.Count;
        var device = data.TrainX.device;
        var parameters = models.Select(m => m.parameters().Sum(p => p.numel())).ToArray();
        bool shared = seeds.All(s => s == seeds[0]);
        using var net = new StackedMlp(models, shared);
        using var optimizer = OptimizerFactory.Create(settings.Optimizer, net.Parameters(), settings);
        // The solo trainer's per-epoch decay: one rate for the stacked parameters is each candidate's own rate.
        var schedule = OptimizerFactory.EpochSchedule(optimizer, settings);
        foreach (var m in models) m.train();

        // One batch order per distinct stream: a single one when every seed is the same.
        int streams = shared ? 1 : K;
        var rngs = Enumerable.Range(0, streams).Select(k => new Rng(seeds[k] ^ 0x5DEECE66DUL)).ToArray();
        int n = data.TrainCount, batch = Math.Min(settings.BatchSize, n);
        int stepsPerEpoch = settings.StepsPerEpoch(n), totalSteps = settings.TotalSteps(n);
        var orders = Enumerable.Range(0, streams).Select(_ => new long[n]).ToArray();
        var steps = new int[K];
        var lastLoss = Enumerable.Repeat(double.NaN, K).ToArray();
        var diverged = new bool[K];
        var frozen = new Tensor[K][]; // a diverged candidate's slot parameters at its last step
        var clock = Stopwatch.StartNew();
        int step = 0;

        for (int epoch = 0; epoch < settings.Epochs && step < totalSteps && !diverged.All(d => d); epoch++)
        {
            for (int s = 0; s < streams; s++)
            {
                for (int i = 0; i < n; i++) orders[s][i] = i;
                rngs[s].Shuffle(orders[s]);
            }
            for (int b = 0; b < stepsPerEpoch && step < totalSteps; b++)
            {
                cancel.ThrowIfCancellationRequested();
                using var stepScope = NewDisposeScope();
                int start = b * batch, count = Math.Min(batch, n - start);
                var index = tensor(orders.SelectMany(o => o.AsSpan(start, count).ToArray()).ToArray(), device: device);
                var x = data.TrainX.index_select(0, index);
                var y = data.TrainY.index_select(0, index);
                if (!shared) x = x.reshape(K, count, -1);
                else y = y.repeat([K, .. Enumerable.Repeat(1L, (int)y.dim() - 1)]);
                optimizer.zero_grad();
                var losses = Losses(net.Forward(x), y, K, count, data.IsClassification);
                losses.sum().backward();
                optimizer.step();
                step++;
                if (step % 50 == 0 || step == totalSteps)
                {
                    var values = losses.detach().cpu().data<float>().ToArray();
                    for (int k = 0; k < K; k++)
                    {
                        if (diverged[k]) continue;
                        steps[k] = step;
                        lastLoss[k] = values[k];
                        if (double.IsFinite(lastLoss[k])) continue;
                        diverged[k] = true;
                        net.WriteBack(k);
                        frozen[k] = net.SlotParameters(k).Select(p => p.detach().clone().MoveToOuterDisposeScope()).ToArray();
                    }
                    if (diverged.All(d => d)) break;
                }
                else
                {
                    for (int k = 0; k < K; k++) if (!diverged[k]) steps[k] = step;
                }
            }
            schedule?.step();
        }
        double trainSeconds = clock.Elapsed.TotalSeconds / K;
        cancel.ThrowIfCancellationRequested();

        var metrics = new TrainingMetrics[K];
        for (int k = 0; k < K; k++)
        {
            if (diverged[k]) Restore(net.SlotParameters(k), frozen[k]);
            else net.WriteBack(k);
            metrics[k] = Trainer.Measure(models[k], data, settings, parameters[k], steps[k], lastLoss[k], diverged[k], trainSeconds,
                trained is null ? null : m => trained(k, m));
        }
        return metrics;
    }

    /// <summary>Per-candidate mean losses [K]: cross-entropy on class ids, mean squared error otherwise.</summary>
    private static Tensor Losses(Tensor logits, Tensor y, int K, int count, bool classification)
    {
        var flat = logits.reshape(K * count, -1);
        return classification
            ? nn.functional.cross_entropy(flat, y, reduction: nn.Reduction.None).view(K, count).mean([1])
            : nn.functional.mse_loss(flat, y, reduction: nn.Reduction.None).view(K, -1).mean([1]);
    }

    private static void Restore(IEnumerable<TorchSharp.Modules.Parameter> parameters, Tensor[] saved)
    {
        using var noGrad = no_grad();
        foreach (var (p, v) in parameters.Zip(saved)) p.copy_(v);
    }
}
