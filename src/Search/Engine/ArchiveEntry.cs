using MessagePack;
using Search.Core;

namespace Search.Engine;

/// <summary>
/// One evaluated proposal as kept forever: id, canonical genome text and the result; under
/// multi-fidelity evaluation also its rung and the candidate's rung-0 id (null at rung 0).
/// </summary>
[MessagePackObject]
public sealed record ArchiveEntry([property: Key(0)] long Id, [property: Key(1)] string Genome, [property: Key(2)] EvaluationResult Result,
    [property: Key(3)] int Rung = 0, [property: Key(4)] long? Origin = null)
{
    /// <summary>The candidate: the rung-0 proposal id.</summary>
    [IgnoreMember] public long Candidate => Origin ?? Id;
}
