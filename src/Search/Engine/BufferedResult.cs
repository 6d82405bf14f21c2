using MessagePack;
using Search.Core;
using Search.Rejection;

namespace Search.Engine;

/// <summary>A result that arrived before its turn, with the probe fingerprint to cache it under (if any).</summary>
[MessagePackObject]
public sealed record BufferedResult(
    [property: Key(0)] long Id, [property: Key(1)] EvaluationResult Result, [property: Key(2)] ProbeFingerprint? Fingerprint);
