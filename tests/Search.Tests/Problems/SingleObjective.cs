using Search.Problems;

namespace Search.Tests.Problems;

/// <summary>
/// A box-bounded single-objective test function with its minimum 0 (front [0]). Single-objective
/// runs are judged by the best value reached, so the hypervolume members are only nominal.
/// </summary>
internal abstract class SingleObjective(int variables, double bound) : IProblem
{
    public abstract string Name { get; }
    public int Variables { get; } = variables;
    public int Objectives => 1;
    public IReadOnlyList<double> Lower { get; } = Enumerable.Repeat(-bound, variables).ToArray();
    public IReadOnlyList<double> Upper { get; } = Enumerable.Repeat(bound, variables).ToArray();
    public IReadOnlyList<double[]> TrueFront { get; } = [[0.0]];
    public double TrueHypervolume => 1.1;
    public IReadOnlyList<double> ReferencePoint { get; } = [1.1];

    public double[] Evaluate(IReadOnlyList<double> x) => [Value(x)];

    protected abstract double Value(IReadOnlyList<double> x);
}
