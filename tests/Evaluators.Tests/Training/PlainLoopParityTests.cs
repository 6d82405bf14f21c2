using Evaluators.Families.Activation;
using Evaluators.Models;
using Evaluators.Runtime;
using Evaluators.Training;
using Search.Core;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Training;

/// <summary>
/// The trainer's hooks for slot modules (auxiliary losses, step awareness, measures) leave every other
/// family's training exactly as it was: with an activation slot, the trainer's result equals a plain
/// minibatch loop written out here (same seeded weights, same batch order, forward, cross-entropy,
/// backward, step) to float rounding of the final evaluation.
/// </summary>
public class PlainLoopParityTests
{
    public PlainLoopParityTests() => TorchRuntime.EnsureReady(threads: 1);

    [Fact]
    public void An_activation_model_trains_exactly_as_the_plain_loop()
    {
        var settings = new TrainingSettings { Epochs = 2, BatchSize = 32, ValidationFraction = 0.2, EvaluateTestSet = false };
        using var data = new PreparedData(TinyData.Blobs(), settings.ValidationFraction, CPU);
        var slot = new BuiltinActivation("gelu");
        const ulong seed = 11;
        var metrics = Trainer.Train(new Mlp(16), slot, data, settings, seed);

        using var scope = NewDisposeScope();
        using var model = Trainer.Build(new Mlp(16), slot, data, seed);
        using var optimizer = OptimizerFactory.Create(settings.Optimizer, model.parameters(), settings);
        var rng = new Rng(seed ^ 0x5DEECE66DUL); // the trainer's batch-order stream
        int n = data.TrainCount, batch = settings.BatchSize;
        var order = new long[n];
        model.train();
        for (int epoch = 0; epoch < settings.Epochs; epoch++)
        {
            for (int i = 0; i < n; i++) order[i] = i;
            rng.Shuffle(order);
            for (int start = 0; start < n; start += batch) // every batch, the last one short
            {
                using var step = NewDisposeScope();
                var index = tensor(order.AsSpan(start, Math.Min(batch, n - start)).ToArray());
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(data.TrainX.index_select(0, index)), data.TrainY.index_select(0, index));
                loss.backward();
                optimizer.step();
            }
        }
        model.eval();
        using var noGrad = no_grad();
        double validationLoss = nn.functional.cross_entropy(model.forward(data.ValX!), data.ValY!, reduction: nn.Reduction.Sum).item<float>() / data.ValX!.shape[0];

        Assert.Equal(settings.TotalSteps(n), metrics.Steps);
        Assert.Equal(validationLoss, metrics.ValidationLoss, 1e-6);
        Assert.Empty(metrics.Measures);
    }
}
