using Cluster.Protocol;
using Cluster.Serialization;
using MessagePack;
using Search.Core;

namespace Bench.Fuzz.Targets;

/// <summary>
/// The wire-protocol decoder (<see cref="ProtocolSerializer.Decode"/>). An input is one manifest
/// byte (index into the manifests, so a mutant may decode one type's bytes as another) and then the
/// MessagePack payload. Bad bytes may raise only <see cref="MessagePackSerializationException"/>,
/// and only as MessagePack's refusal of malformed data (never a null dereference, index or cast
/// error, nor anything thrown by our types); a decoded message must encode and decode to the same
/// bytes again.
/// </summary>
public sealed class ProtocolTarget : IFuzzTarget
{
    private static readonly string[] ManifestNames = [.. Manifests.Types.Select(Manifests.Of).Order(StringComparer.Ordinal)];

    public string Name => "protocol";

    public IReadOnlyList<byte[]> Tokens { get; } =
    [
        [0xC0], [0xC2], [0xC3], [0x90], [0x9F], [0x80], [0x8F], [0xDC, 0xFF, 0xFF], [0xDD, 0x7F, 0xFF, 0xFF, 0xFF], [0xDF, 0xFF, 0xFF, 0xFF, 0xFF],
        [0xD9, 0xFF], [0xDB, 0xFF, 0xFF, 0xFF, 0xFF], [0xC4, 0xFF], [0xC6, 0x7F, 0xFF, 0xFF, 0xFF], [0xCF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
        [0xD3, 0x80, 0, 0, 0, 0, 0, 0, 0], [0xCB, 0x7F, 0xF8, 0, 0, 0, 0, 0, 0], [0xCA, 0xFF, 0xC0, 0, 0], [0xD4, 0xFF, 0], [0xC1], [0x91],
    ];

    public byte[] Valid(Rng rng)
    {
        var message = ProtocolSamples.Random(rng);
        byte manifest = (byte)Array.IndexOf(ManifestNames, Manifests.Of(message.GetType()));
        return [manifest, .. MessagePackSerializer.Serialize(message.GetType(), message, ProtocolSerializer.Options)];
    }

    public void Run(byte[] input)
    {
        if (input.Length == 0) return;
        string manifest = ManifestNames[input[0] % ManifestNames.Length];
        var message = ProtocolSerializer.Decode(input[1..], manifest);
        var bytes = MessagePackSerializer.Serialize(message.GetType(), message, ProtocolSerializer.Options);
        var again = MessagePackSerializer.Serialize(message.GetType(), ProtocolSerializer.Decode(bytes, manifest), ProtocolSerializer.Options);
        if (!bytes.AsSpan().SequenceEqual(again))
            throw new FuzzPropertyException($"'{manifest}' re-encodes as {Convert.ToHexString(bytes)} then {Convert.ToHexString(again)}");
    }

    // MessagePack wraps whatever goes wrong inside. Its own refusals of malformed data (short input,
    // wrong type codes, lengths past the end, nil or repeated map keys, depth) are documented; a
    // cause thrown by our own types, or a null dereference, index or cast error anywhere, is a bug.
    public bool IsDocumented(Exception e) =>
        e is MessagePackSerializationException
        && (e.InnerException is null || Root(e) is var root
        && root is not (NullReferenceException or IndexOutOfRangeException or InvalidCastException or OutOfMemoryException)
        && !Ours(root.TargetSite?.DeclaringType));

    private static bool Ours(Type? type) => type is not null
        && (type.Assembly == typeof(ProtocolSerializer).Assembly || type.Assembly == typeof(Rng).Assembly
            || type.Assembly == typeof(Evaluators.Candidates.EvaluationPlan).Assembly);

    private static Exception Root(Exception e) => e.InnerException is { } inner ? Root(inner) : e;
}
