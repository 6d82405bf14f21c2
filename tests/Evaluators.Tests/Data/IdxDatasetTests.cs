using CsCheck;
using Evaluators.Data;
using Evaluators.Data.Idx;

namespace Evaluators.Tests.Data;

public class IdxDatasetTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]   // train-images-idx3-ubyte.gz
    [InlineData(true, false)]  // gzip content under the raw name
    public void Loads_a_small_set_raw_or_gzipped(bool gzip, bool gzName)
    {
        using var dir = new TempDir();
        TestFiles.WriteIdxSet(dir.Path, gzip, rows: 5, cols: 4, gzName: gzName);
        var splits = IdxDataset.Load("tiny", dir.Path);

        Assert.Equal("tiny", splits.Name);
        Assert.Equal(10, splits.NumClasses);
        Assert.Equal(6, splits.Train.Count);
        Assert.Equal(4, splits.Test.Count);
        Assert.Equal([1, 5, 4], splits.Train.SampleShape);
        Assert.True(splits.Train.IsClassification);
        var pixels = TestFiles.Pattern(6 * 20, 1);
        Assert.Equal(pixels.Select(b => b / 255f), splits.Train.X);
        Assert.Equal(TestFiles.Pattern(4 * 20, 2).Select(b => b / 255f), splits.Test.X);
        Assert.Equal(TestFiles.LabelPattern(6, 0).Select(b => (long)b), splits.Train.Labels!);
        Assert.Equal(TestFiles.LabelPattern(4, 3).Select(b => (long)b), splits.Test.Labels!);
        Assert.All(splits.Train.X, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void Accepts_dotted_mirror_names()
    {
        using var dir = new TempDir();
        TestFiles.WriteIdxSet(dir.Path, gzip: false, rows: 3, cols: 3);
        foreach (var name in IdxDataset.FileNames)
            File.Move(dir.File(name), dir.File(name.Replace("-idx", ".idx")));
        Assert.Equal(6, IdxDataset.Load("dotted", dir.Path).Train.Count);
    }

    [Fact]
    public void Limits_keep_the_first_samples()
    {
        using var dir = new TempDir();
        TestFiles.WriteIdxSet(dir.Path, gzip: true, rows: 3, cols: 3);
        var full = IdxDataset.Load("t", dir.Path);
        var cut = IdxDataset.Load("t", dir.Path, trainLimit: 2, testLimit: 3);
        Assert.Equal(2, cut.Train.Count);
        Assert.Equal(3, cut.Test.Count);
        Assert.Equal(full.Train.X.Take(18), cut.Train.X);
        Assert.Equal(full.Train.Labels!.Take(2), cut.Train.Labels!);
        Assert.Equal(6, IdxDataset.Load("t", dir.Path, trainLimit: 100).Train.Count);
    }

    [Fact]
    public void Any_valid_idx_file_round_trips()
    {
        Gen.Select(Gen.Int[1, 5], Gen.Int[1, 6], Gen.Int[1, 6]).SelectMany((n, r, c) =>
                Gen.Byte.Array[n * r * c].Select(bytes => (n, r, c, bytes)))
            .Sample(t =>
            {
                using var dir = new TempDir();
                string path = TestFiles.Write(dir.Path, "imgs", TestFiles.Images(t.n, t.r, t.c, t.bytes), gzip: t.n % 2 == 0);
                var arr = IdxArray.ReadImages(path);
                Assert.Equal([t.n, t.r, t.c], arr.Dims);
                Assert.Equal(t.bytes.Select(b => b / 255f), arr.ToUnitFloats(t.n));
            }, iter: 40);
    }

    [Fact]
    public void Standardize_gives_zero_mean_unit_std_on_train_and_reuses_train_stats_on_test()
    {
        using var dir = new TempDir();
        TestFiles.WriteIdxSet(dir.Path, gzip: false, rows: 4, cols: 4);
        var raw = IdxDataset.Load("t", dir.Path);
        var std = Standardizer.Apply(raw);
        double mean = std.Train.X.Average(v => (double)v);
        double sd = Math.Sqrt(std.Train.X.Average(v => (double)v * v) - mean * mean);
        Assert.Equal(0, mean, 5);
        Assert.Equal(1, sd, 4);
        var stats = Standardizer.Fit(raw.Train);
        Assert.Equal((raw.Test.X[3] - stats.Mean[0]) / stats.Std[0], std.Test.X[3], 5);
        Assert.Equal(raw.Train.Labels, std.Train.Labels);
    }
}
