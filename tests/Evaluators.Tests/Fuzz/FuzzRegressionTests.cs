using System.Text;
using Bench.Fuzz;
using Cluster.Serialization;
using Cluster.Spaces;
using MessagePack;

namespace Evaluators.Tests.Fuzz;

/// <summary>
/// Every input that once broke a fuzz target, kept as a literal with what it broke. Each must now
/// be refused with the documented exception, and pass the target's own check (same oracle as the fuzzer).
/// </summary>
public sealed class FuzzRegressionTests
{
    private static void Passes(string target, byte[] input) =>
        Assert.Null(FuzzRunner.Check(FuzzTargets.Named(target), input, FuzzRunner.DefaultLimit));

    [Theory]
    // An alias used as a key inside the mapping its anchor names: YamlDotNet's YamlAliasNode.Equals
    // recursed until the process died of a stack overflow (found by space-yaml, not seed-stable:
    // it needs two alias keys in one hash bucket).
    [InlineData("&a {*a : 1, *a : 2}", "recursive structure")]
    [InlineData("name: x\nfamily: &f\n  *f : 1\n  *f : 2\n", "recursive structure")]
    // Two alias keys whose anchor comes later (or never): the same endless YamlAliasNode.Equals
    // recursion, in a top-level mapping (space-yaml, bench -- fuzz default seed, near input 75,000).
    [InlineData("*a : 1\n*a : 2\nb: &a 3\n", "before (or without) its anchor")]
    [InlineData("{*a : 1, *b : 2}", "before (or without) its anchor")]
    // A NUL before a key made YamlDotNet's node loader throw ArgumentException ("The current event
    // is of an unsupported type"): space-yaml seed 0xADEBE48724F61AD5, minimised.
    [InlineData("\0: v", "not valid YAML")]
    // The same ArgumentException from empty keys around a mapping: space-yaml seed 0x9B3681EF53B81A9B, minimised.
    [InlineData(":\nn: n\ne: 3\n:\n :\n", "not valid YAML")]
    // And from alias-like tokens in a block sequence (space-yaml seed 0x283015F38DC7EEF4, minimised);
    // now refused earlier, as an alias without an anchor.
    [InlineData(":\nd: []\ne: \n- *: *: *a *<", "before (or without) its anchor")]
    public void Space_loader_refuses_with_a_positioned_error(string text, string problem)
    {
        var e = Assert.Throws<SearchSpaceException>(() => SearchSpaceFile.Parse(text, "fuzz.yaml", "/nonexistent"));
        Assert.Contains(problem, e.Problem);
        Assert.StartsWith("fuzz.yaml:", e.Message);
        Passes("space-yaml", Encoding.UTF8.GetBytes(text));
    }

    [Theory]
    // 100,000 '[' overflowed the stack of YamlDotNet's recursive node loader (process killed, on a
    // 1.5 MB thread); block sequences nest the same way.
    [InlineData("[", 100_000)]
    [InlineData("- ", 20_000)]
    [InlineData("{a: ", 10_000)]
    public void Space_loader_refuses_deep_nesting_instead_of_overflowing_the_stack(string unit, int times)
    {
        string text = string.Concat(Enumerable.Repeat(unit, times)) + "x";
        var e = Assert.Throws<SearchSpaceException>(() => SearchSpaceFile.Parse(text, "fuzz.yaml", "/nonexistent"));
        Assert.Contains("nesting deeper than 64", e.Problem);
        Passes("space-yaml", Encoding.UTF8.GetBytes(text));
    }

    [Theory]
    // A nil payload decoded to null and FromBinary threw InvalidOperationException, not the
    // decoder's MessagePackSerializationException (protocol, first fuzz run: bytes C0 C0 C0 ... under 'rw').
    [InlineData("rw", "C0")]
    [InlineData("snap-coord", "C0C8812A00")]
    public void Protocol_decoder_refuses_nil_with_its_own_exception(string manifest, string hex)
    {
        var e = Assert.Throws<MessagePackSerializationException>(() => ProtocolSerializer.Decode(Convert.FromHexString(hex), manifest));
        Assert.Contains(manifest, e.Message);
        Passes("protocol", [(byte)ManifestIndex(manifest), .. Convert.FromHexString(hex)]);
    }

    private static int ManifestIndex(string manifest) =>
        Array.IndexOf(Manifests.Types.Select(Manifests.Of).Order(StringComparer.Ordinal).ToArray(), manifest);
}
