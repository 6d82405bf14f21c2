using Search.Core;
using Search.Genomes.RealVector;
using Search.MultiObjective;
using Search.Problems;
using Search.Strategies;

namespace Search.Tests.Strategies;

public class Nsga2Tests
{
    [Fact]
    public void Waits_at_the_generation_barrier()
    {
        var h = StrategyHarness.Start(new Nsga2<RealVector>(new Nsga2Options(10)), new Zdt1(), 1);
        var first = h.Ask(6);
        var second = h.Ask(100);
        Assert.Equal(6, first.Count);
        Assert.Equal(4, second.Count);
        Assert.Empty(h.Ask(10));
        foreach (var g in first.Concat(second).Take(9)) h.Tell(g);
        Assert.Empty(h.Ask(10));
        Assert.Equal(0, h.Strategy.Generation);
        h.Tell(second[^1]);
        Assert.Equal(1, h.Strategy.Generation);
        Assert.Equal(10, h.Ask(10).Count);
    }

    [Fact]
    public void Failed_candidates_do_not_survive_while_feasible_ones_fill_the_population()
    {
        var h = StrategyHarness.Start(new Nsga2<RealVector>(new Nsga2Options(10)), new Zdt1(), 2);
        var generation0 = h.Ask(10);
        for (int i = 0; i < 10; i++) h.Tell(generation0[i], fail: i < 3);
        var children = h.Ask(10);
        foreach (var g in children) h.Tell(g);
        Assert.All(h.Strategy.Population, p => Assert.True(p.IsFeasible));
        Assert.Equal(10, h.Strategy.Population.Count);
    }

    [Fact]
    public void Two_thousand_evaluations_on_zdt1_improve_hypervolume_clearly()
    {
        var problem = new Zdt1();
        var strategy = new Nsga2<RealVector>();
        var context = ProblemDriver.Context(problem, 11);
        ProblemDriver.Drive(strategy, problem, context, 100);
        double initial = Hv(strategy, problem);
        ProblemDriver.Drive(strategy, problem, context, 1900, firstId: 100);
        double final = Hv(strategy, problem);
        Assert.Equal(20, strategy.Generation);
        // Random ZDT1 points have g ~ 5.5 and lie outside the reference box; 20 generations get well inside.
        Assert.True(final > initial + 0.15, $"hypervolume {initial:F3} -> {final:F3}");
    }

    [Fact]
    public void Full_protocol_on_zdt1_reaches_98_percent_of_the_true_hypervolume()
    {
        var run = ProblemDriver.Run(new Nsga2<RealVector>(), new Zdt1(), 25_000, seed: 1);
        Assert.True(run.Population.HypervolumeRatio >= 0.98, $"population ratio {run.Population.HypervolumeRatio:F4}");
        Assert.True(run.Population.Igd < 0.01, $"population igd {run.Population.Igd}");
        // The archive holds every evaluation, the final population included, so it is never worse.
        Assert.True(run.Archive.Hypervolume >= run.Population.Hypervolume, $"archive {run.Archive.Hypervolume} < population {run.Population.Hypervolume}");
    }

    private static double Hv(IStrategy<RealVector> s, IProblem problem) =>
        Hypervolume.Of(s.Population.Select(p => p.Minimized).ToArray(), problem.ReferencePoint);
}
