using Evaluators.Data;
using Evaluators.Data.Cifar;

namespace Evaluators.Tests.Data;

public class Cifar10DatasetTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Loads_batches_in_order_raw_or_gzipped(bool gzip)
    {
        using var dir = new TempDir();
        TestFiles.WriteCifarSet(dir.Path, recordsPerBatch: 3, gzip);
        var splits = Cifar10Dataset.Load(dir.Path);

        Assert.Equal("cifar10", splits.Name);
        Assert.Equal(10, splits.NumClasses);
        Assert.Equal(15, splits.Train.Count);
        Assert.Equal(3, splits.Test.Count);
        Assert.Equal([3, 32, 32], splits.Train.SampleShape);
        // record 1 of batch 2 is training sample 4: label (2+1)%10, pixels Pattern(3072, 201)
        Assert.Equal(3, splits.Train.Labels![4]);
        Assert.Equal(TestFiles.Pattern(3072, 201).Select(b => b / 255f), splits.Train.X.AsSpan(4 * 3072, 3072).ToArray());
        Assert.Equal([9, 0, 1], splits.Test.Labels!);
    }

    [Fact]
    public void Finds_the_cifar_10_batches_bin_subfolder()
    {
        using var dir = new TempDir();
        TestFiles.WriteCifarSet(dir.Sub(Cifar10Dataset.Subfolder), recordsPerBatch: 2);
        Assert.Equal(10, Cifar10Dataset.Load(dir.Path).Train.Count);
    }

    [Fact]
    public void Train_limit_takes_the_first_records_across_batches()
    {
        using var dir = new TempDir();
        TestFiles.WriteCifarSet(dir.Path, recordsPerBatch: 3);
        var full = Cifar10Dataset.Load(dir.Path);
        var cut = Cifar10Dataset.Load(dir.Path, trainLimit: 4, testLimit: 1);
        Assert.Equal(4, cut.Train.Count);
        Assert.Equal(1, cut.Test.Count);
        Assert.Equal(full.Train.X.AsSpan(0, 4 * 3072).ToArray(), cut.Train.X);
        Assert.Equal(full.Train.Labels!.Take(4), cut.Train.Labels!);
    }

    [Fact]
    public void Size_not_a_multiple_of_3073_names_file_and_size()
    {
        using var dir = new TempDir();
        TestFiles.WriteCifarSet(dir.Path, recordsPerBatch: 2);
        string path = dir.File("data_batch_3.bin");
        File.WriteAllBytes(path, TestFiles.CifarBatch(2, 3)[..6000]);
        var e = Assert.Throws<DatasetException>(() => Cifar10Dataset.Load(dir.Path));
        Assert.Contains(path, e.Message);
        Assert.Contains("6000 bytes", e.Message);
        Assert.Contains("3073", e.Message);
    }

    [Fact]
    public void Label_out_of_range_names_record()
    {
        using var dir = new TempDir();
        TestFiles.WriteCifarSet(dir.Path, recordsPerBatch: 2);
        var batch = TestFiles.CifarBatch(2, 9);
        batch[3073] = 10;
        File.WriteAllBytes(dir.File("test_batch.bin"), batch);
        var e = Assert.Throws<DatasetException>(() => Cifar10Dataset.Load(dir.Path));
        Assert.Contains(dir.File("test_batch.bin"), e.Message);
        Assert.Contains("label 10 in record 1", e.Message);
    }

    [Fact]
    public void Missing_batch_is_named()
    {
        using var dir = new TempDir();
        TestFiles.WriteCifarSet(dir.Path, recordsPerBatch: 1);
        File.Delete(dir.File("data_batch_5.bin"));
        var e = Assert.Throws<DatasetException>(() => Cifar10Dataset.Load(dir.Path));
        Assert.Contains("data_batch_5.bin", e.Message);
        Assert.DoesNotContain("data_batch_4.bin", e.Message);
    }

    [Fact]
    public void Empty_directory_lists_names_and_both_places()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<DatasetException>(() => Cifar10Dataset.Load(dir.Path));
        Assert.Contains("data_batch_1.bin", e.Message);
        Assert.Contains("test_batch.bin", e.Message);
        Assert.Contains(Cifar10Dataset.Subfolder, e.Message);
    }

    [Fact]
    public void Corrupt_gzip_batch_is_reported()
    {
        using var dir = new TempDir();
        TestFiles.WriteCifarSet(dir.Path, recordsPerBatch: 2, gzip: true);
        var gz = File.ReadAllBytes(dir.File("data_batch_1.bin"));
        File.WriteAllBytes(dir.File("data_batch_1.bin"), gz[..(gz.Length - 20)]);
        var e = Assert.Throws<DatasetException>(() => Cifar10Dataset.Load(dir.Path));
        Assert.Contains(dir.File("data_batch_1.bin"), e.Message);
        Assert.Contains("corrupt gzip", e.Message);
    }
}
