using Evaluators.Data;
using Evaluators.Data.Idx;

namespace Evaluators.Tests.Data;

/// <summary>Every broken input gives a DatasetException naming the file and the problem.</summary>
public class IdxBadFileTests
{
    private static DatasetException LoadFails(TempDir dir, (int, int)? size = null) =>
        Assert.Throws<DatasetException>(() => IdxDataset.Load("t", dir.Path, 10, size));

    [Fact]
    public void Missing_file_lists_the_names_looked_for()
    {
        using var dir = new TempDir();
        TestFiles.WriteIdxSet(dir.Path, gzip: true, rows: 3, cols: 3);
        File.Delete(dir.File(IdxDataset.TestLabels + ".gz"));
        var e = LoadFails(dir);
        Assert.Contains(dir.Path, e.Message);
        foreach (var name in IdxDataset.Candidates(IdxDataset.TestLabels)) Assert.Contains(name, e.Message);
    }

    [Fact]
    public void Missing_directory_is_named()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<DatasetException>(() => IdxDataset.Load("t", dir.File("absent")));
        Assert.Contains(dir.File("absent"), e.Message);
        Assert.Contains("does not exist", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Truncated_images_say_expected_and_found_bytes(bool gzip)
    {
        using var dir = new TempDir();
        TestFiles.WriteIdxSet(dir.Path, gzip, rows: 3, cols: 3);
        var full = TestFiles.Images(6, 3, 3, TestFiles.Pattern(54, 1));
        string path = TestFiles.Write(dir.Path, IdxDataset.TrainImages, full[..50], gzip);
        var e = LoadFails(dir);
        Assert.Contains(path, e.Message);
        Assert.Contains("truncated", e.Message);
        Assert.Contains("expected 70 bytes", e.Message); // 16 header + 6*3*3
        Assert.Contains("found 50", e.Message);
    }

    [Fact]
    public void Extra_trailing_bytes_are_rejected_too()
    {
        using var dir = new TempDir();
        TestFiles.WriteIdxSet(dir.Path, gzip: false, rows: 3, cols: 3);
        string path = TestFiles.Write(dir.Path, IdxDataset.TrainLabels, [.. TestFiles.Labels(TestFiles.LabelPattern(6, 0)), 1, 2], false);
        var e = LoadFails(dir);
        Assert.Contains(path, e.Message);
        Assert.Contains("expected 14 bytes", e.Message);
        Assert.Contains("found 16", e.Message);
    }

    [Fact]
    public void Header_shorter_than_its_dimensions_is_truncated()
    {
        using var dir = new TempDir();
        TestFiles.WriteIdxSet(dir.Path, gzip: false, rows: 3, cols: 3);
        TestFiles.Write(dir.Path, IdxDataset.TrainImages, [0, 0, 8, 3, 0, 0], false);
        var e = LoadFails(dir);
        Assert.Contains("expected at least 16", e.Message);
        Assert.Contains("found 6", e.Message);
    }

    [Fact]
    public void Wrong_magic_in_images_names_both_values()
    {
        using var dir = new TempDir();
        TestFiles.WriteIdxSet(dir.Path, gzip: true, rows: 3, cols: 3);
        // a labels file where the images should be
        string path = TestFiles.Write(dir.Path, IdxDataset.TrainImages, TestFiles.Labels([1, 2, 3]), true);
        var e = LoadFails(dir);
        Assert.Contains(path, e.Message);
        Assert.Contains("expected 0x00000803", e.Message);
        Assert.Contains("found 0x00000801", e.Message);
    }

    [Fact]
    public void Wrong_magic_in_labels_names_both_values()
    {
        using var dir = new TempDir();
        TestFiles.WriteIdxSet(dir.Path, gzip: false, rows: 3, cols: 3);
        string path = TestFiles.Write(dir.Path, IdxDataset.TestLabels, [0x50, 0x4b, 3, 4, 0, 0, 0, 0, 9], false);
        var e = LoadFails(dir);
        Assert.Contains(path, e.Message);
        Assert.Contains("expected 0x00000801", e.Message);
        Assert.Contains("found 0x504B0304", e.Message);
    }

    [Fact]
    public void Image_and_label_counts_must_match()
    {
        using var dir = new TempDir();
        TestFiles.WriteIdxSet(dir.Path, gzip: false, rows: 3, cols: 3);
        string labels = TestFiles.Write(dir.Path, IdxDataset.TrainLabels, TestFiles.Labels(TestFiles.LabelPattern(5, 0)), false);
        var e = LoadFails(dir);
        Assert.Contains(labels, e.Message);
        Assert.Contains("6 images", e.Message);
        Assert.Contains("5 labels", e.Message);
    }

    [Fact]
    public void Wrong_image_size_is_reported()
    {
        using var dir = new TempDir();
        TestFiles.WriteIdxSet(dir.Path, gzip: false, rows: 32, cols: 32);
        var e = LoadFails(dir, (28, 28));
        Assert.Contains(dir.File(IdxDataset.TrainImages), e.Message);
        Assert.Contains("32x32", e.Message);
        Assert.Contains("expected 28x28", e.Message);
    }

    [Fact]
    public void Test_images_must_match_the_training_size()
    {
        using var dir = new TempDir();
        TestFiles.WriteIdxSet(dir.Path, gzip: false, rows: 3, cols: 3);
        string test = TestFiles.Write(dir.Path, IdxDataset.TestImages, TestFiles.Images(4, 3, 2, TestFiles.Pattern(24, 2)), false);
        var e = LoadFails(dir);
        Assert.Contains(test, e.Message);
        Assert.Contains("3x2", e.Message);
        Assert.Contains("3x3", e.Message);
    }

    [Fact]
    public void Label_out_of_range_gives_value_and_index()
    {
        using var dir = new TempDir();
        TestFiles.WriteIdxSet(dir.Path, gzip: false, rows: 3, cols: 3);
        string path = TestFiles.Write(dir.Path, IdxDataset.TestLabels, TestFiles.Labels([1, 2, 12, 3]), false);
        var e = LoadFails(dir);
        Assert.Contains(path, e.Message);
        Assert.Contains("label 12 at index 2", e.Message);
        Assert.Contains("0..9", e.Message);
    }

    [Fact]
    public void Zero_count_header_is_rejected()
    {
        using var dir = new TempDir();
        TestFiles.WriteIdxSet(dir.Path, gzip: false, rows: 3, cols: 3);
        TestFiles.Write(dir.Path, IdxDataset.TrainImages, TestFiles.Images(0, 3, 3, []), false);
        var e = LoadFails(dir);
        Assert.Contains("count = 0", e.Message);
    }

    [Fact]
    public void Corrupt_gzip_member_names_the_file()
    {
        using var dir = new TempDir();
        TestFiles.WriteIdxSet(dir.Path, gzip: true, rows: 3, cols: 3);
        string path = dir.File(IdxDataset.TrainLabels + ".gz");
        var gz = File.ReadAllBytes(path);
        File.WriteAllBytes(path, gz[..^6]);
        var e = LoadFails(dir);
        Assert.Contains(path, e.Message);
        Assert.Contains("corrupt gzip", e.Message);
    }
}
