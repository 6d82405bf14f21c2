namespace Evaluators.Data.Synthetic;

/// <summary>A target function of the KAN paper's function-fitting set; inputs lie in [-1, 1]^InputDim.</summary>
public sealed record KanFunction(string Name, int InputDim, string Formula, KanFunction.Target Evaluate)
{
    public delegate double Target(ReadOnlySpan<double> x);
}
