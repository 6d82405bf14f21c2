using Evaluators.Data.Synthetic;

namespace Evaluators.Tests.Data.Synthetic;

public class KanTaskTests
{
    public static TheoryData<string> Names() => [.. KanFunctions.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Shapes_ranges_and_targets_match_the_function(string name)
    {
        var f = KanFunctions.Find(name)!;
        var splits = KanTask.Generate(f, seed: 7);
        Assert.Equal(0, splits.NumClasses);
        Assert.Equal(1000, splits.Train.Count);
        Assert.Equal(1000, splits.Test.Count);
        Assert.Equal([f.InputDim], splits.Train.SampleShape);
        Assert.False(splits.Train.IsClassification);
        Assert.Equal(1, splits.Train.TargetDim);
        Assert.All(splits.Train.X, v => Assert.InRange(v, -1f, 1f));
        for (int i = 0; i < 50; i++)
        {
            var x = splits.Test.X.AsSpan(i * f.InputDim, f.InputDim).ToArray().Select(v => (double)v).ToArray();
            Assert.Equal((float)f.Evaluate(x), splits.Test.Targets![i]);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Same_seed_same_data_other_seed_other_data(string name)
    {
        var f = KanFunctions.Find(name)!;
        var a = KanTask.Generate(f, 3, 200, 100);
        var b = KanTask.Generate(f, 3, 200, 100);
        var c = KanTask.Generate(f, 4, 200, 100);
        Assert.Equal(a.Train.X, b.Train.X);
        Assert.Equal(a.Test.Targets, b.Test.Targets);
        Assert.NotEqual(a.Train.X, c.Train.X);
        Assert.NotEqual(a.Train.X.Take(100 * f.InputDim), a.Test.X); // train and test are different streams
    }

    [Fact]
    public void Fewer_training_samples_are_a_prefix_and_leave_test_unchanged()
    {
        var big = KanTask.Generate(KanFunctions.ExpSin, 5, 300, 50);
        var small = KanTask.Generate(KanFunctions.ExpSin, 5, 40, 50);
        Assert.Equal(big.Train.X.Take(80), small.Train.X);
        Assert.Equal(big.Test.X, small.Test.X);
    }

    [Fact]
    public void Function_values_at_known_points()
    {
        Assert.Equal(1.0, KanFunctions.BesselJ0.Evaluate([0.0]), 12);
        Assert.Equal(-0.2459357645, KanFunctions.BesselJ0.Evaluate([0.5]), 9);
        Assert.Equal(Math.Exp(1.25), KanFunctions.ExpSin.Evaluate([0.5, 0.5]), 12);
        Assert.Equal(Math.Exp(1.0), KanFunctions.ExpSin.Evaluate([0.0, -1.0]), 12);
        Assert.Equal(-0.12, KanFunctions.Product.Evaluate([0.3, -0.4]), 12);
        Assert.Equal(1.0, KanFunctions.Mean100d.Evaluate(new double[100]), 12);
        Assert.Equal(Math.E, KanFunctions.Mean100d.Evaluate(Enumerable.Repeat(1.0, 100).ToArray()), 12);
        Assert.Equal(Math.Exp(0.5), KanFunctions.Mean100d.Evaluate(Enumerable.Repeat(-0.5, 100).ToArray()), 12);
        Assert.Equal(1.0, KanFunctions.FourD.Evaluate([0, 0, 0, 0]), 12);
        // x1^2+x2^2 = 0.5 gives sin(pi/2) = 1; the other pair 0
        Assert.Equal(Math.Exp(0.5), KanFunctions.FourD.Evaluate([0.5, 0.5, 0, 0]), 12);
        Assert.Equal(Math.E, KanFunctions.FourD.Evaluate([0.5, 0.5, -0.5, 0.5]), 12);
    }
}
