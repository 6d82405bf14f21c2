using MessagePack;
using Search.Core;

namespace Search.Engine;

/// <summary>
/// Run settings of the engine. <see cref="Lookahead"/> is how many proposals may be outstanding;
/// it comes from the search space, never from the number of workers, so results do not depend on
/// the cluster. <see cref="SpaceFingerprint"/> is a hash of the search-space file (0 if none) so a
/// resume against a changed space is refused.
/// </summary>
[MessagePackObject]
public sealed record EngineSettings(
    [property: Key(0)] ulong Seed,
    [property: Key(1)] int Lookahead,
    [property: Key(2)] long MaxEvaluations = long.MaxValue,
    [property: Key(3)] ulong SpaceFingerprint = 0,
    [property: Key(4)] FidelitySettings? Fidelity = null)
{
    public void Validate()
    {
        if (Fidelity is { Promote.Length: 0 }) throw new ArgumentException("multi-fidelity needs at least one rung above rung 0");
        if (Lookahead <= 0) throw new ArgumentOutOfRangeException(nameof(Lookahead), Lookahead, "must be positive");
        if (MaxEvaluations <= 0) throw new ArgumentOutOfRangeException(nameof(MaxEvaluations), MaxEvaluations, "must be positive");
    }

    /// <summary>
    /// What a resumed run must share with the saved one: seed, lookahead, objectives and search
    /// space (and the multi-fidelity rungs). The evaluation budget is left out on purpose, so a finished run can be extended.
    /// </summary>
    public ulong Fingerprint(ObjectiveSet objectives)
    {
        ulong h = StableHash.Of("engine-settings-v1");
        h = StableHash.Combine(h, Seed);
        h = StableHash.Combine(h, (ulong)Lookahead);
        h = StableHash.Combine(h, SpaceFingerprint);
        if (Fidelity is { } f)
        {
            h = StableHash.Combine(h, StableHash.Of("fidelity"));
            h = StableHash.Combine(h, (ulong)f.RankObjective);
            foreach (var p in f.Promote) h = StableHash.Combine(h, (ulong)BitConverter.DoubleToInt64Bits(p));
        }
        foreach (var o in objectives.Items)
        {
            h = StableHash.Combine(h, StableHash.Of(o.Name));
            h = StableHash.Combine(h, (ulong)o.Direction);
        }
        return h;
    }
}
