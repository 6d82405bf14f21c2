using Evaluators.Data;
using Evaluators.Data.Fetch;
using Evaluators.Data.Idx;
using Evaluators.Tests.Data.Fetch;

namespace Evaluators.Tests.Data;

public class DatasetCatalogTests
{
    private static DatasetCatalog Catalog(TempDir dir, params IDatasetFetcher[] fetchers) =>
        new(new FashionMnistSource([dir.File("system")], dir.File("cache"), fetchers),
            new FortunesSource([dir.File("fortunes-system")], dir.File("cache"), [])); // never fetches

    [Theory]
    [InlineData("mnist")]
    [InlineData("kmnist")]
    [InlineData("fashion-mnist")]
    [InlineData("Fashion_MNIST")]
    public void Idx_sets_load_from_a_named_directory(string name)
    {
        using var dir = new TempDir();
        TestFiles.WriteIdxSet(dir.Path, gzip: true);
        var splits = Catalog(dir).Load(name, new DatasetLoadOptions { Directory = dir.Path, TrainLimit = 5 });
        Assert.Equal(5, splits.Train.Count);
        Assert.Equal(4, splits.Test.Count);
        Assert.Equal([1, 28, 28], splits.Train.SampleShape);
    }

    [Fact]
    public void Idx_sets_insist_on_28x28()
    {
        using var dir = new TempDir();
        TestFiles.WriteIdxSet(dir.Path, gzip: false, rows: 32, cols: 32);
        var e = Assert.Throws<DatasetException>(() => Catalog(dir).Load("kmnist", new DatasetLoadOptions { Directory = dir.Path }));
        Assert.Contains("expected 28x28 for kmnist", e.Message);
    }

    [Fact]
    public void Fashion_mnist_without_a_directory_uses_the_source()
    {
        using var dir = new TempDir();
        var fetcher = FakeFetcher.Writing("fake");
        var lines = new List<string>();
        var splits = Catalog(dir, fetcher).Load("fashion-mnist", new DatasetLoadOptions { Progress = lines.Add });
        Assert.Equal(6, splits.Train.Count);
        Assert.Equal(1, fetcher.Calls);
        Assert.NotEmpty(lines);
    }

    [Fact]
    public void Cifar10_loads_from_a_directory_and_aliases_resolve()
    {
        using var dir = new TempDir();
        TestFiles.WriteCifarSet(dir.Path, recordsPerBatch: 2);
        var splits = Catalog(dir).Load("CIFAR-10", new DatasetLoadOptions { Directory = dir.Path, TestLimit = 1 });
        Assert.Equal(10, splits.Train.Count);
        Assert.Equal(1, splits.Test.Count);
        Assert.Equal([3, 32, 32], splits.Train.SampleShape);
    }

    [Theory]
    [InlineData("mnist", "train-images-idx3-ubyte")]
    [InlineData("kmnist", "t10k-labels-idx1-ubyte")]
    [InlineData("cifar10", "data_batch_1..5.bin")]
    public void Sets_without_an_embedded_copy_ask_for_a_directory(string name, string mentioned)
    {
        using var dir = new TempDir();
        var e = Assert.Throws<DatasetException>(() => Catalog(dir).Load(name));
        Assert.Contains("--data DIR", e.Message);
        Assert.Contains(mentioned, e.Message);
    }

    [Fact]
    public void Unknown_name_lists_the_known_ones()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<DatasetException>(() => Catalog(dir).Load("imagenet"));
        Assert.Contains("'imagenet'", e.Message);
        foreach (var name in DatasetCatalog.Names) Assert.Contains(name, e.Message);
    }

    [Theory]
    [InlineData("spirals", 2, 2)]
    [InlineData("checkerboard", 2, 2)]
    [InlineData("kan-bessel", 1, 0)]
    [InlineData("kan-expsin", 2, 0)]
    [InlineData("kan-xy", 2, 0)]
    [InlineData("kan-100d", 100, 0)]
    [InlineData("kan-4d", 4, 0)]
    public void Synthetic_names_resolve_with_seed_and_sizes(string name, int inputDim, int classes)
    {
        using var dir = new TempDir();
        var catalog = Catalog(dir);
        var o = new DatasetLoadOptions { Seed = 9, TrainCount = 120, TestCount = 30 };
        var a = catalog.Load(name, o);
        Assert.Equal(name, a.Name);
        Assert.Equal(classes, a.NumClasses);
        Assert.Equal([inputDim], a.Train.SampleShape);
        Assert.Equal(120, a.Train.Count);
        Assert.Equal(30, a.Test.Count);
        Assert.Equal(a.Train.X, catalog.Load(name, o).Train.X);
        Assert.NotEqual(a.Train.X, catalog.Load(name, o with { Seed = 10 }).Train.X);
        var limited = catalog.Load(name, o with { TrainLimit = 50 });
        Assert.Equal(a.Train.X.Take(50 * inputDim), limited.Train.X);
    }

    [Fact]
    public void Synthetic_defaults_are_1000_train_1000_test()
    {
        using var dir = new TempDir();
        var s = Catalog(dir).Load("kan-4d");
        Assert.Equal(1000, s.Train.Count);
        Assert.Equal(1000, s.Test.Count);
    }

    [Fact]
    public void Standardize_option_uses_training_statistics()
    {
        using var dir = new TempDir();
        TestFiles.WriteIdxSet(dir.Path, gzip: false);
        var o = new DatasetLoadOptions { Directory = dir.Path };
        var raw = Catalog(dir).Load("mnist", o);
        var std = Catalog(dir).Load("mnist", o with { Standardize = true });
        var stats = Standardizer.Fit(raw.Train);
        Assert.Equal(0, std.Train.X.Average(v => (double)v), 4);
        Assert.Equal((raw.Test.X[10] - stats.Mean[0]) / stats.Std[0], std.Test.X[10], 5);
    }

    [Fact]
    public void Non_positive_limits_are_rejected()
    {
        using var dir = new TempDir();
        Assert.Throws<ArgumentOutOfRangeException>(() => Catalog(dir).Load("spirals", new DatasetLoadOptions { TrainLimit = 0 }));
    }

    [Fact]
    public void Every_listed_name_is_recognised()
    {
        using var dir = new TempDir();
        var catalog = Catalog(dir);
        foreach (var name in DatasetCatalog.Names)
        {
            // image sets fail here for want of files, but never as an unknown name
            try { Assert.Equal(name, catalog.Load(name, new DatasetLoadOptions { TrainCount = 5, TestCount = 5 }).Name); }
            catch (DatasetException e) { Assert.DoesNotContain("unknown dataset", e.Message); }
        }
        Assert.Equal(DatasetCatalog.Names.Count, DatasetCatalog.Names.Distinct().Count());
    }
}
