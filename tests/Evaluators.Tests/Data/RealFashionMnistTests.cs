using Evaluators.Data;
using Evaluators.Data.Fetch;

namespace Evaluators.Tests.Data;

/// <summary>The real Debian package files, when installed.</summary>
public class RealFashionMnistTests
{
    [FashionMnistFact]
    public void Loads_the_installed_package_in_full()
    {
        var catalog = new DatasetCatalog(new FashionMnistSource([FashionMnistSource.SystemDirectory], "/nonexistent-cache", []));
        var splits = catalog.Load("fashion-mnist");

        Assert.Equal(60000, splits.Train.Count);
        Assert.Equal(10000, splits.Test.Count);
        Assert.Equal([1, 28, 28], splits.Train.SampleShape);
        Assert.Equal(60000 * 784, splits.Train.X.Length);
        // the published set is balanced: 6000 per class in train, 1000 in test
        Assert.All(splits.Train.Labels!.CountBy(l => l), g => Assert.Equal(6000, g.Value));
        Assert.All(splits.Test.Labels!.CountBy(l => l), g => Assert.Equal(1000, g.Value));
        Assert.Equal(10, splits.Train.Labels!.Distinct().Count());
        float min = float.MaxValue, max = float.MinValue;
        double sum = 0;
        foreach (float v in splits.Train.X) { min = Math.Min(min, v); max = Math.Max(max, v); sum += v; }
        Assert.Equal(0f, min);
        Assert.Equal(1f, max);
        // mean pixel of the training set is about 0.286 (the usual normalisation constant)
        Assert.Equal(0.286, sum / splits.Train.X.Length, 3);
    }
}
