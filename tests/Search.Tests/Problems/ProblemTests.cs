using Search.MultiObjective;
using Search.Problems;

namespace Search.Tests.Problems;

public class ProblemTests
{
    public static TheoryData<string> Names => new(ProblemRegistry.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void Igd_of_the_true_front_is_zero_and_it_is_non_dominated(string name)
    {
        var problem = ProblemRegistry.Create(name);
        var run = ProblemDriver.Assess([.. problem.TrueFront], problem);
        Assert.Equal(0, run.Igd);
        Assert.Equal(problem.TrueFront.Count, run.Front.Count);
        Assert.InRange(run.HypervolumeRatio, 0.97, 1.0);
    }

    [Theory]
    [InlineData("zdt1")]
    [InlineData("zdt2")]
    [InlineData("zdt3")]
    [InlineData("zdt4")]
    [InlineData("zdt6")]
    public void Optimal_solutions_sampled_densely_match_the_stated_true_hypervolume(string name)
    {
        var problem = ProblemRegistry.Create(name);
        // g = 1 needs x2..n = 0 (ZDT1-3, ZDT6) and also for ZDT4, whose optimum is at 0 too.
        var points = Enumerable.Range(0, 200_001).Select(i =>
        {
            var x = new double[problem.Variables];
            x[0] = i / 200_000.0;
            return problem.Evaluate(x);
        }).ToArray();
        Assert.Equal(problem.TrueHypervolume, Hypervolume.Of(points, problem.ReferencePoint), 4);
    }

    [Fact]
    public void Dtlz2_optimum_lies_on_the_unit_sphere()
    {
        var problem = new Dtlz2();
        var x = Enumerable.Repeat(0.5, 12).ToArray();
        x[0] = 0.3; x[1] = 0.8;
        var f = problem.Evaluate(x);
        Assert.Equal(1, f.Sum(v => v * v), 12);
        x[5] = 0.9;
        Assert.True(problem.Evaluate(x).Sum(v => v * v) > 1);
    }

    [Fact]
    public void Shapes_follow_the_standard_definitions()
    {
        Assert.Equal((30, 30, 30, 10, 10, 12), (new Zdt1().Variables, new Zdt2().Variables, new Zdt3().Variables,
            new Zdt4().Variables, new Zdt6().Variables, new Dtlz2().Variables));
        Assert.Equal([0.0, -5, -5], new Zdt4().Lower.Take(3));
        // ZDT1 at x = 0.25, rest 0: f = (0.25, 1 - 0.5).
        var x = new double[30]; x[0] = 0.25;
        Assert.Equal([0.25, 0.5], new Zdt1().Evaluate(x));
    }
}
