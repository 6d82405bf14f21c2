using Search.State;

namespace Search.Tests.State;

public sealed class StateFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("statefile-").FullName;
    private string File(string name) => Path.Combine(_dir, name);
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly byte[] Payload = Enumerable.Range(0, 300).Select(i => (byte)(i * 7)).ToArray();

    private string Written()
    {
        var path = File("run.state");
        StateFile.Write(path, Payload);
        return path;
    }

    private static StateFileException Fails(string path)
    {
        var e = Assert.Throws<StateFileException>(() => StateFile.Read(path));
        Assert.Equal(path, e.FilePath);
        Assert.Contains(path, e.Message);
        return e;
    }

    [Fact]
    public void Round_trips_the_payload_in_the_documented_layout()
    {
        var path = Written();
        Assert.Equal(Payload, StateFile.Read(path));
        var bytes = System.IO.File.ReadAllBytes(path);
        Assert.Equal(8 + 4 + 8 + Payload.Length + 32, bytes.Length);
        Assert.Equal("SRCHSTAT"u8.ToArray(), bytes[..8]);
        Assert.Equal(BitConverter.GetBytes(1u), bytes[8..12]);
        Assert.Equal(BitConverter.GetBytes((long)Payload.Length), bytes[12..20]);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(bytes[..^32]), bytes[^32..]);
    }

    [Fact]
    public void A_flipped_byte_anywhere_in_the_payload_or_checksum_is_a_checksum_mismatch()
    {
        var path = Written();
        var good = System.IO.File.ReadAllBytes(path);
        foreach (int at in new[] { 20, 100, good.Length - 33, good.Length - 1 })
        {
            var bad = (byte[])good.Clone();
            bad[at] ^= 0x10;
            System.IO.File.WriteAllBytes(path, bad);
            Assert.Equal("checksum mismatch: the file is corrupted", Fails(path).Problem);
        }
    }

    [Fact]
    public void A_cut_file_is_reported_as_truncated_with_the_sizes()
    {
        var path = Written();
        var good = System.IO.File.ReadAllBytes(path);
        System.IO.File.WriteAllBytes(path, good[..^10]);
        Assert.Equal($"truncated: expected {good.Length} bytes, found {good.Length - 10}", Fails(path).Problem);
        System.IO.File.WriteAllBytes(path, good[..15]);
        Assert.Equal("truncated: expected at least 20 header bytes, found 15", Fails(path).Problem);
        System.IO.File.WriteAllBytes(path, good[..3]);
        Assert.Equal("truncated: expected at least 20 header bytes, found 3", Fails(path).Problem);
        System.IO.File.WriteAllBytes(path, []);
        Assert.Equal("truncated: expected at least 20 header bytes, found 0", Fails(path).Problem);
    }

    [Fact]
    public void Bad_magic_unknown_version_and_trailing_bytes_are_named()
    {
        var path = Written();
        var good = System.IO.File.ReadAllBytes(path);

        var magic = (byte[])good.Clone();
        magic[0] = (byte)'X';
        System.IO.File.WriteAllBytes(path, magic);
        Assert.Equal("bad magic bytes: not a search state file", Fails(path).Problem);

        var version = (byte[])good.Clone();
        version[8] = 9;
        System.IO.File.WriteAllBytes(path, version);
        Assert.Equal("unsupported format version 9 (this build reads version 1)", Fails(path).Problem);

        System.IO.File.WriteAllBytes(path, [.. good, 0]);
        Assert.Equal($"trailing data: expected {good.Length} bytes, found {good.Length + 1}", Fails(path).Problem);
    }

    [Fact]
    public void A_missing_file_is_a_state_file_error()
    {
        var e = Fails(File("absent.state"));
        Assert.StartsWith("cannot be read", e.Problem);
    }

    [Fact]
    public void Overwriting_replaces_the_whole_file_and_leaves_no_temporary()
    {
        var path = Written();
        StateFile.Write(path, [1, 2, 3]);
        Assert.Equal([1, 2, 3], StateFile.Read(path));
        Assert.Equal(["run.state"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }
}
