using Evaluators.Data;
using Evaluators.Data.Files;

namespace Evaluators.Tests.Data;

public class DataFileTests
{
    private static readonly byte[] Content = TestFiles.Pattern(5000, 4);

    [Fact]
    public void Raw_file_reads_as_is()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("a"), Content);
        var read = DataFile.Read(dir.File("a"));
        Assert.Equal(Content, read.Bytes);
        Assert.False(read.WasGzip);
    }

    [Fact]
    public void Gzip_is_detected_by_magic_not_by_name()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("no-suffix"), TestFiles.Gzip(Content));
        File.WriteAllBytes(dir.File("raw-but-named.gz"), Content);
        var gz = DataFile.Read(dir.File("no-suffix"));
        Assert.True(gz.WasGzip);
        Assert.Equal(Content, gz.Bytes);
        var raw = DataFile.Read(dir.File("raw-but-named.gz"));
        Assert.False(raw.WasGzip);
        Assert.Equal(Content, raw.Bytes);
    }

    [Fact]
    public void Truncated_gzip_is_reported_as_corrupt_with_the_file_name()
    {
        using var dir = new TempDir();
        var gz = TestFiles.Gzip(Content);
        File.WriteAllBytes(dir.File("cut.gz"), gz[..(gz.Length / 2)]);
        var e = Assert.Throws<DatasetException>(() => DataFile.Read(dir.File("cut.gz")));
        Assert.Contains(dir.File("cut.gz"), e.Message);
        Assert.Contains("corrupt gzip", e.Message);
    }

    [Fact]
    public void Damaged_gzip_body_is_reported_as_corrupt()
    {
        using var dir = new TempDir();
        var gz = TestFiles.Gzip(Content);
        for (int i = 10; i < gz.Length - 8; i++) gz[i] = 0xff; // header intact, deflate data garbage
        File.WriteAllBytes(dir.File("bad.gz"), gz);
        var e = Assert.Throws<DatasetException>(() => DataFile.Read(dir.File("bad.gz")));
        Assert.Contains("corrupt gzip", e.Message);
        Assert.Equal(dir.File("bad.gz"), e.Path);
    }

    [Fact]
    public void Gzip_magic_alone_is_corrupt()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("stub"), [0x1f, 0x8b, 8, 0]);
        var e = Assert.Throws<DatasetException>(() => DataFile.Read(dir.File("stub")));
        Assert.Contains("corrupt gzip", e.Message);
    }

    [Fact]
    public void Missing_file_names_the_path()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<DatasetException>(() => DataFile.Read(dir.File("nothing")));
        Assert.Contains(dir.File("nothing"), e.Message);
        Assert.Contains("not found", e.Message);
    }

    [Fact]
    public void UnitScale_matches_the_scalar_formula_for_every_length()
    {
        // lengths around the vector width exercise both the vector body and the scalar tail
        for (int n = 0; n < 200; n += 7)
        {
            var src = TestFiles.Pattern(n, n);
            var dst = UnitScale.ToFloats(src);
            Assert.Equal(n, dst.Length);
            for (int i = 0; i < n; i++) Assert.Equal(src[i] / 255f, dst[i]);
        }
        Assert.Equal(1f, UnitScale.ToFloats([255])[0]);
        Assert.Equal(0f, UnitScale.ToFloats([0])[0]);
    }
}
