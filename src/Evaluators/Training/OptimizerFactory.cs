using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Training;

/// <summary>Optimisers by the name used in search-space files.</summary>
public static class OptimizerFactory
{
    private static readonly string[] Names = ["adam", "adamw", "sgd"];

    public static void CheckName(string name)
    {
        if (!Names.Contains(name)) throw new ArgumentException($"optimizer '{name}': expected one of {string.Join(", ", Names)}");
    }

    public static optim.Optimizer Create(string name, IEnumerable<TorchSharp.Modules.Parameter> parameters, TrainingSettings s) => name switch
    {
        "adam" => optim.Adam(parameters, s.LearningRate, weight_decay: s.WeightDecay),
        "adamw" => optim.AdamW(parameters, s.LearningRate, weight_decay: s.WeightDecay),
        "sgd" => optim.SGD(parameters, s.LearningRate, momentum: s.Momentum, weight_decay: s.WeightDecay),
        _ => throw new ArgumentException($"optimizer '{name}': expected one of {string.Join(", ", Names)}"),
    };
}
