using MessagePack;
using Search.Rejection;

namespace Cluster.Protocol.Data;

/// <summary>A <see cref="ProbeFingerprint"/> on the wire and in the journal.</summary>
[MessagePackObject]
public sealed record FingerprintData([property: Key(0)] ulong Hash, [property: Key(1)] bool IsFinite)
{
    public static FingerprintData From(ProbeFingerprint f) => new(f.Hash, f.IsFinite);

    public static FingerprintData? From(ProbeFingerprint? f) => f is { } v ? From(v) : null;

    public ProbeFingerprint ToDomain() => new(Hash, IsFinite);
}
