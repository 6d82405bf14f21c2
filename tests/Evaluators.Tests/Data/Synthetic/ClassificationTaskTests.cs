using Evaluators.Data;
using Evaluators.Data.Synthetic;

namespace Evaluators.Tests.Data.Synthetic;

public class ClassificationTaskTests
{
    public static TheoryData<string> Tasks() => ["spirals", "checkerboard"];

    private static DatasetSplits Make(string task, ulong seed) =>
        task == "spirals" ? TwoSpirals.Generate(seed) : Checkerboard.Generate(seed);

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Two_balanced_classes_of_2d_points(string task)
    {
        var s = Make(task, 11);
        Assert.Equal(task, s.Name);
        Assert.Equal(2, s.NumClasses);
        Assert.Equal([2], s.Train.SampleShape);
        Assert.Equal(1000, s.Train.Count);
        Assert.Equal(1000, s.Test.Count);
        Assert.All(s.Train.Labels!, l => Assert.InRange(l, 0, 1));
        Assert.InRange(s.Train.Labels!.Count(l => l == 1), 420, 580);
        Assert.All(s.Train.X, v => Assert.InRange(v, -1.2f, 1.2f));
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Deterministic_per_seed_and_different_across_seeds(string task)
    {
        Assert.Equal(Make(task, 1).Train.X, Make(task, 1).Train.X);
        Assert.Equal(Make(task, 1).Test.Labels, Make(task, 1).Test.Labels);
        Assert.NotEqual(Make(task, 1).Train.X, Make(task, 2).Train.X);
    }

    [Fact]
    public void Checkerboard_labels_follow_the_cells()
    {
        var s = Checkerboard.Generate(3, 500, 10, cells: 4);
        for (int i = 0; i < s.Train.Count; i++)
            Assert.Equal(Checkerboard.Label(s.Train.X[2 * i], s.Train.X[2 * i + 1], 4), s.Train.Labels![i]);
        Assert.Equal(0, Checkerboard.Label(-0.9, -0.9, 4));
        Assert.Equal(1, Checkerboard.Label(-0.4, -0.9, 4));
        Assert.Equal(0, Checkerboard.Label(0.9, 0.9, 4));
        Assert.Equal(1, Checkerboard.Label(1.0, 0.1, 4)); // the right edge belongs to the last cell
    }

    [Fact]
    public void Spiral_classes_are_mirror_images_in_distribution()
    {
        // class 1 is class 0 turned by half a turn, so their centroids sit near the origin
        var s = TwoSpirals.Generate(5, 4000, 10, noise: 0);
        foreach (long label in new long[] { 0, 1 })
        {
            var idx = Enumerable.Range(0, s.Train.Count).Where(i => s.Train.Labels![i] == label).ToList();
            double r = idx.Average(i => Math.Sqrt(s.Train.X[2 * i] * s.Train.X[2 * i] + s.Train.X[2 * i + 1] * s.Train.X[2 * i + 1]));
            Assert.InRange(r, 0.6, 0.75); // radius = sqrt(u): mean 2/3
        }
        // noise-free points lie exactly on their arm: radius = angle / maxAngle
        for (int i = 0; i < 20; i++)
        {
            double x = s.Train.X[2 * i], y = s.Train.X[2 * i + 1];
            if (s.Train.Labels![i] == 1) { x = -x; y = -y; }
            double r = Math.Sqrt(x * x + y * y), angle = r * 4 * Math.PI;
            Assert.Equal(x, r * Math.Cos(angle), 4);
            Assert.Equal(y, r * Math.Sin(angle), 4);
        }
    }
}
