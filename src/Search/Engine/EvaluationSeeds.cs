namespace Search.Engine;

/// <summary>Per-proposal seeds: a SplitMix64 finaliser over (run seed, id), so neighbouring ids get unrelated seeds.</summary>
public static class EvaluationSeeds
{
    public static ulong For(ulong runSeed, long id)
    {
        ulong z = runSeed ^ 0x5EED_E7A1_0000_0000UL;
        z += 0x9E3779B97F4A7C15UL * ((ulong)id + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
