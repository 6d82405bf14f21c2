using Search.Genomes.NormAct;

namespace Bench.Fuzz.Targets;

/// <summary>The norm-act (EvoNorm) graph parser (ExprParser with the norm-act primitives, via NormActFamily.Parse).</summary>
public sealed class NormActTarget() : GenomeTextTarget<NormActGenome>(new NormActFamily(), "norm-act",
[
    "x", "(", ")", "-", "+", "*", "/", "^2", ",", "max(", "min(", "sigmoid(", "sqrt(", "abs(", "exp(", "log(", "tanh(",
    "batch_mean(", "batch_std(", "group_std(", "instance_std(", "layer_mean(", "gamma", "beta", "v1", "1e-5", "0",
]);
