using Bench.Fuzz;

namespace Evaluators.Tests.Fuzz;

/// <summary>
/// Every fuzz target (bench/Fuzz) over 5,000 generated and mutated inputs: each is accepted or
/// refused with the entry point's documented exception, within the time limit. The seed differs
/// from `bench -- fuzz`'s default so the two cover different inputs.
/// </summary>
public sealed class FuzzTargetTests
{
    public const int InputsPerTarget = 5_000;
    private const ulong Seed = 20261201;

    public static TheoryData<string> Targets() => new(FuzzTargets.All().Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Targets))]
    public void Generated_and_mutated_inputs_raise_only_documented_errors(string name)
    {
        // 10 s per input, not the bench's 2 s: the suite runs beside other test assemblies on two cores, and a real hang never ends.
        var report = FuzzRunner.Run(FuzzTargets.Named(name), InputsPerTarget, Seed, TimeSpan.FromSeconds(10));

        Assert.Equal(InputsPerTarget, report.Inputs);
        Assert.True(report.Failures.Count == 0, $"{report.Failures.Count} failures, the first:\n{string.Join("\n", report.Failures.Take(3))}");
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Valid_inputs_are_accepted(string name)
    {
        // The generators must produce inputs the target accepts, or the mutants start from nothing.
        var target = FuzzTargets.Named(name);
        var rng = new Search.Core.Rng(7);
        for (int i = 0; i < 50; i++)
        {
            var input = target.Valid(rng);
            var e = Record.Exception(() => target.Run(input));
            Assert.True(e is null, $"valid input {FuzzFailure.Escape(input, 300)} refused: {e}");
        }
    }
}
