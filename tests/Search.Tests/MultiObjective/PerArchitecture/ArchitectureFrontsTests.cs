using CsCheck;
using Search.Core;
using Search.MultiObjective;
using Search.MultiObjective.PerArchitecture;

namespace Search.Tests.MultiObjective.PerArchitecture;

public class ArchitectureFrontsTests
{
    // EvoNorm-style: accuracy on two architectures (maximised) and parameters (minimised, no task).
    private static readonly ObjectiveSet Objectives = new([
        new Objective("resnet", Direction.Maximize), new Objective("params", Direction.Minimize),
        new Objective("mobilenet", Direction.Maximize), new Objective("resnet_test", Direction.Maximize)]);
    private static readonly string[] Metrics =
        ["validation_accuracy@fmnist-resnet", "parameters", "validation_accuracy@fmnist-mobilenet", "test_accuracy@fmnist-resnet"];

    [Fact]
    public void Groups_objectives_by_task_and_compares_members_with_the_baseline()
    {
        double[]?[] archive =
        [
            [0.80, 1e4, 0.60, 0.79],  // 0: best resnet validation
            [0.70, 1e4, 0.75, 0.80],  // 1: best mobilenet, best resnet test
            null,                     // 2: rejected
            [0.60, 1e4, 0.50, 0.60],  // 3: dominated on both
            [0.75, 1e4, double.NaN, 0.70], // 4: no mobilenet score: resnet group only (dominated there by 0)
        ];
        double[] baseline = [0.72, 1e4, 0.70, 0.71];
        var fronts = ArchitectureFronts.Of(Objectives, Metrics, archive, baseline);

        Assert.Equal(["fmnist-resnet", "fmnist-mobilenet"], fronts.Select(f => f.Architecture));
        var resnet = fronts[0];
        Assert.Equal([0, 3], resnet.Objectives);
        Assert.Equal([0.72, 0.71], resnet.Baseline!);
        Assert.Equal([0, 1], resnet.Members.Select(m => m.Entry));
        var first = resnet.Members[0];
        Assert.Equal([0.80, 0.79], first.Values);
        Assert.Equal(0.08, first.Gains[0], 12);
        Assert.Equal(0.08, first.Gains[1], 12);
        Assert.True(first.DominatesBaseline);
        Assert.False(resnet.Members[1].DominatesBaseline); // worse validation accuracy than the baseline
        Assert.True(resnet.Members[1].Gains[0] < 0);

        var mobilenet = fronts[1];
        var only = Assert.Single(mobilenet.Members);
        Assert.Equal(1, only.Entry);
        Assert.Equal(0.05, only.Gains[0], 12);
        Assert.True(only.DominatesBaseline && !only.DominatedByBaseline);
    }

    [Fact]
    public void A_minimised_objective_gains_when_it_is_lower_and_no_baseline_gives_nan_gains()
    {
        var objectives = new ObjectiveSet([new Objective("rmse", Direction.Minimize)]);
        var fronts = ArchitectureFronts.Of(objectives, ["validation_rmse@sine"], [[0.5], [0.2]], [0.3]);
        var member = Assert.Single(Assert.Single(fronts).Members);
        Assert.Equal(1, member.Entry);
        Assert.Equal(0.1, member.Gains[0], 12);

        var bare = ArchitectureFronts.Of(objectives, ["validation_rmse@sine"], [[0.5], [0.2]]);
        Assert.Null(bare[0].Baseline);
        Assert.True(double.IsNaN(bare[0].Members[0].Gains[0]));
        Assert.False(bare[0].Members[0].DominatedByBaseline);
    }

    [Fact]
    public void Mismatched_lengths_are_refused_and_metrics_without_a_task_make_no_front()
    {
        Assert.Throws<ArgumentException>(() => ArchitectureFronts.Of(Objectives, Metrics[..2], [], null));
        Assert.Throws<ArgumentException>(() => ArchitectureFronts.Of(Objectives, Metrics, [[1.0, 2.0]], null));
        Assert.Throws<ArgumentException>(() => ArchitectureFronts.Of(Objectives, Metrics, [], [1.0]));
        Assert.Empty(ArchitectureFronts.Of(ObjectiveSet.Minimize("a"), ["validation_accuracy"], [[1.0]]));
        Assert.Null(ArchitectureFronts.ArchitectureOf("validation_accuracy@"));
        Assert.Equal("t", ArchitectureFronts.ArchitectureOf("m@t"));
    }

    [Fact]
    public void Each_front_is_exactly_the_non_dominated_entries_on_its_objectives()
    {
        var objectives = new ObjectiveSet([new Objective("a", Direction.Maximize), new Objective("b", Direction.Minimize),
            new Objective("c", Direction.Maximize)]);
        string[] metrics = ["acc@x", "loss@x", "acc@y"];
        Gen.Int[0, 4].Array[3].Array[1, 25].Sample(raw =>
        {
            var archive = raw.Select(r => (IReadOnlyList<double>?)r.Select(v => (double)v).ToArray()).ToArray();
            var fronts = ArchitectureFronts.Of(objectives, metrics, archive, [2.0, 2.0, 2.0]);
            foreach (var front in fronts)
            {
                var min = archive.Select(v => (IReadOnlyList<double>)front.Objectives.Select(i => objectives.Items[i].ToMinimized(v![i])).ToArray()).ToArray();
                Assert.Equal(ParetoFront.Indices(min), front.Members.Select(m => m.Entry));
                foreach (var m in front.Members)
                    Assert.False(m.DominatesBaseline && m.DominatedByBaseline);
            }
        });
    }
}
