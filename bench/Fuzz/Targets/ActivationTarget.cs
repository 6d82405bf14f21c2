using Search.Genomes.Activation;

namespace Bench.Fuzz.Targets;

/// <summary>The activation expression parser (Genomes/Expressions/ExprParser via ActivationFamily.Parse).</summary>
public sealed class ActivationTarget() : GenomeTextTarget<ActivationGenome>(new ActivationFamily(), "activation",
[
    "x", "(", ")", "-", "+", "*", "/", "^2", "^3", "^", ",", "@a(0.5)", "@b(-1)", "@a(", "max(", "min(", "sin(", "relu(",
    "tanh(", "sigmoid(", "exp(", "log(", "abs(", "sqrt(", "gelu(", "erf(", "beta", "alpha", "1e308", "0", "@", "--x",
]);
