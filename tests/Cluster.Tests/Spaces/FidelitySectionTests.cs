using Cluster.Spaces;

namespace Cluster.Tests.Spaces;

/// <summary>The "fidelity" section: rungs reach the engine's ladder and each rung's plan; mistakes are named at their line.</summary>
public sealed class FidelitySectionTests
{
    private static string With(string fidelity, string evaluation = "evaluation:\n  tasks: [fmnist-deep-mlp]\n  unit_gain: false\n") =>
        SpaceFiles.Valid.Replace("evaluation:\n  tasks: [fmnist-deep-mlp]\n", evaluation + fidelity);

    private const string ThreeRungs =
        "fidelity:\n  rungs:\n    - epochs: 1\n    - epochs: 3\n      promote: 0.5\n    - seeds: 3\n      promote: 0.25\n";

    [Fact]
    public void Rungs_reach_the_engine_ladder_and_each_rung_plan()
    {
        var space = SpaceFiles.Load(With(ThreeRungs));
        var f = space.Engine.Fidelity!;
        Assert.Equal([0.5, 0.25], f.Promote);
        Assert.Equal(0, f.RankObjective);
        Assert.Equal(3, space.RungPlans.Count);
        Assert.Equal((1, 1), (space.RungPlans[0].Epochs!.Value, space.RungPlans[0].Seeds));
        Assert.Equal((3, 1), (space.RungPlans[1].Epochs!.Value, space.RungPlans[1].Seeds));
        Assert.Equal((null, 3), (space.RungPlans[2].Epochs, space.RungPlans[2].Seeds));
        // Rung 0 screens like a plain search; promoted candidates passed the screens already.
        Assert.NotNull(space.RungPlans[0].Hurdle);
        Assert.True(space.RungPlans[0].EquivalenceCache);
        Assert.All(space.RungPlans.Skip(1), p => Assert.True(p.Hurdle is null && !p.EquivalenceCache));
        Assert.All(space.RungPlans, p => Assert.False(p.UnitGain));
        Assert.Same(space.RungPlans[2], space.FinalPlan);
        Assert.Same(space.RungPlans[1], space.PlanFor(1));
    }

    [Fact]
    public void Without_the_section_one_plan_serves_every_job_and_the_fingerprint_is_unchanged()
    {
        var plain = SpaceFiles.Load(SpaceFiles.Valid);
        Assert.Null(plain.Engine.Fidelity);
        Assert.Empty(plain.RungPlans);
        Assert.Same(plain.Evaluation, plain.FinalPlan);
        Assert.NotEqual(plain.Fingerprint, SpaceFiles.Load(With(ThreeRungs)).Fingerprint);
    }

    [Theory]
    [InlineData("fidelity:\n  rungs:\n    - epochs: 1\n", "at least two rungs")]
    [InlineData("fidelity:\n  rungs:\n    - epochs: 1\n      promote: 0.5\n    - epochs: 2\n      promote: 0.5\n", "rung 0 is what every candidate gets")]
    [InlineData("fidelity:\n  rungs:\n    - epochs: 1\n    - epochs: 2\n", "rung 1 needs 'promote'")]
    [InlineData("fidelity:\n  rungs:\n    - epochs: 1\n    - epochs: 2\n      promote: 1.5\n", "promote")]
    [InlineData("fidelity:\n  rank_by: speed\n  rungs:\n    - epochs: 1\n    - epochs: 2\n      promote: 0.5\n", "speed")]
    [InlineData("fidelity:\n  rungs:\n    - epochs: 1\n    - epochs: 2\n      promote: 0.5\n      eta: 3\n", "eta")]
    public void Mistakes_are_named_in_the_file(string fidelity, string expected)
    {
        var e = SpaceFiles.LoadFails(With(fidelity));
        Assert.Contains(expected, e.Message);
        Assert.True(e.Line >= 16, e.Message);
    }
}
