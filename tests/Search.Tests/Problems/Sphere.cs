namespace Search.Tests.Problems;

/// <summary>Sum of squares on [-5.12, 5.12]^n: smooth and unimodal, so any working GA closes in on 0.</summary>
internal sealed class Sphere(int variables = 10) : SingleObjective(variables, 5.12)
{
    public override string Name => "sphere";
    protected override double Value(IReadOnlyList<double> x) => x.Sum(v => v * v);
}
