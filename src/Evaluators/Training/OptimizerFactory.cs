using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Training;

/// <summary>Optimisers by the name used in search-space files.</summary>
public static class OptimizerFactory
{
    /// <summary>Full-batch L-BFGS (function fitting); the Trainer runs it itself, as it needs a closure.</summary>
    public const string Lbfgs = "lbfgs";

    private static readonly string[] Names = ["adam", "adamw", "sgd", Lbfgs];

    public static void CheckName(string name)
    {
        if (!Names.Contains(name)) throw new ArgumentException($"optimizer '{name}': expected one of {string.Join(", ", Names)}");
    }

    public static optim.Optimizer Create(string name, IEnumerable<TorchSharp.Modules.Parameter> parameters, TrainingSettings s) => name switch
    {
        "adam" => optim.Adam(parameters, s.LearningRate, weight_decay: s.WeightDecay),
        "adamw" => optim.AdamW(parameters, s.LearningRate, weight_decay: s.WeightDecay),
        "sgd" => optim.SGD(parameters, s.LearningRate, momentum: s.Momentum, weight_decay: s.WeightDecay),
        Lbfgs => throw new ArgumentException("lbfgs needs a closure: train it with Trainer.Train (full batch)"),
        _ => throw new ArgumentException($"optimizer '{name}': expected one of {string.Join(", ", Names)}"),
    };

    /// <summary>
    /// The per-epoch learning-rate decay (<see cref="TrainingSettings.LrDecayPerEpoch"/>) as torch's ExponentialLR,
    /// to be stepped after every epoch; null without a decay, so a run without one is the run it always was.
    /// </summary>
    public static optim.lr_scheduler.LRScheduler? EpochSchedule(optim.Optimizer optimizer, TrainingSettings s) =>
        s.LrDecayPerEpoch != 1 ? optim.lr_scheduler.ExponentialLR(optimizer, s.LrDecayPerEpoch) : null;
}
