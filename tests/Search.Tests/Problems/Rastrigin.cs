namespace Search.Tests.Problems;

/// <summary>10n + sum(x^2 - 10 cos(2 pi x)) on [-5.12, 5.12]^n: about 10^n local minima around the global 0.</summary>
internal sealed class Rastrigin(int variables = 10) : SingleObjective(variables, 5.12)
{
    public override string Name => "rastrigin";
    protected override double Value(IReadOnlyList<double> x) => 10 * x.Count + x.Sum(v => v * v - 10 * Math.Cos(2 * Math.PI * v));
}
