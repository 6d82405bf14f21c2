using System.Text;
using Bench.Fuzz;
using Search.Core;

namespace Evaluators.Tests.Fuzz;

/// <summary>The harness itself: it must catch what it exists to catch, and reproduce inputs from their seed.</summary>
public sealed class FuzzRunnerTests
{
    /// <summary>Parses "ok", refuses other text with FormatException, and misbehaves on the words "crash", "hang" and "lie".</summary>
    private sealed class Toy : IFuzzTarget
    {
        public string Name => "toy";
        public IReadOnlyList<byte[]> Tokens { get; } = [Encoding.UTF8.GetBytes("crash"), Encoding.UTF8.GetBytes("lie")];
        public byte[] Valid(Rng rng) => Encoding.UTF8.GetBytes("ok");

        public void Run(byte[] input)
        {
            string text = Encoding.UTF8.GetString(input);
            if (text.Contains("crash")) throw new IndexOutOfRangeException("boom");
            if (text.Contains("hang")) Thread.Sleep(TimeSpan.FromSeconds(20));
            if (text.Contains("lie")) throw new FuzzPropertyException("round trip differs");
            if (text != "ok") throw new FormatException("not ok");
        }

        public bool IsDocumented(Exception e) => e is FormatException;
    }

    // Generous where no hang is meant: under a loaded test run an input's task may wait long for a thread
    // (CI saw 0.2 s pass before "ok" was checked). The hang sleeps 20 s, far beyond Short.
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(2);

    [Fact]
    public void Accepted_and_documented_refusals_pass()
    {
        Assert.Null(FuzzRunner.Check(new Toy(), Encoding.UTF8.GetBytes("ok"), Generous));
        Assert.Null(FuzzRunner.Check(new Toy(), Encoding.UTF8.GetBytes("nope"), Generous));
    }

    [Fact]
    public void An_undocumented_exception_a_broken_property_and_a_hang_are_failures()
    {
        Assert.Contains("IndexOutOfRangeException", FuzzRunner.Check(new Toy(), Encoding.UTF8.GetBytes("crash"), Generous));
        Assert.Contains("round trip differs", FuzzRunner.Check(new Toy(), Encoding.UTF8.GetBytes("lie"), Generous));
        Assert.Contains("no result within", FuzzRunner.Check(new Toy(), Encoding.UTF8.GetBytes("hang"), Short));
    }

    [Fact]
    public void A_run_reports_each_failure_with_the_seed_that_reproduces_its_input()
    {
        var toy = new Toy();
        var report = FuzzRunner.Run(toy, 300, seed: 5, limit: Generous);

        Assert.Equal(300, report.Inputs);
        var crash = report.Failures.First(f => f.Problem.Contains("IndexOutOfRange"));
        Assert.Contains(report.Failures, f => f.Problem.Contains("round trip differs"));
        int bad = Enumerable.Range(0, 300).Select(i => Encoding.UTF8.GetString(FuzzRunner.Input(toy, FuzzRunner.InputSeed(5, "toy", i))))
            .Count(text => text.Contains("crash") || text.Contains("lie"));
        Assert.Equal(bad, report.Failures.Count);
        Assert.Equal(crash.Input, FuzzRunner.Input(toy, crash.InputSeed));
        Assert.Contains($"seed=0x{crash.InputSeed:X16}", crash.ToString());
    }

    [Fact]
    public void Inputs_are_the_same_for_the_same_seed_and_differ_between_seeds()
    {
        var target = FuzzTargets.Named("activation");
        var a = Enumerable.Range(0, 20).Select(i => FuzzRunner.Input(target, FuzzRunner.InputSeed(1, target.Name, i))).ToList();
        var b = Enumerable.Range(0, 20).Select(i => FuzzRunner.Input(target, FuzzRunner.InputSeed(1, target.Name, i))).ToList();
        var c = Enumerable.Range(0, 20).Select(i => FuzzRunner.Input(target, FuzzRunner.InputSeed(2, target.Name, i))).ToList();

        Assert.Equal(a, b);
        Assert.NotEqual(a.Select(Convert.ToHexString), c.Select(Convert.ToHexString));
    }
}
