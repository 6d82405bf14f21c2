using MessagePack;
using Search.Core;

namespace Search.Engine;

/// <summary>One evaluated proposal as kept forever: id, canonical genome text and the result.</summary>
[MessagePackObject]
public sealed record ArchiveEntry([property: Key(0)] long Id, [property: Key(1)] string Genome, [property: Key(2)] EvaluationResult Result);
