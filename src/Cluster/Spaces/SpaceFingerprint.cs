using Search.Core;

namespace Cluster.Spaces;

/// <summary>
/// The fingerprint of a search space: a stable hash of its canonical content (every setting's
/// effective value by dotted path, genome texts canonicalised), so formatting, comments, key order
/// and spelled-out defaults do not change it, and any changed value does.
/// </summary>
public static class SpaceFingerprint
{
    public static ulong Of(IReadOnlyDictionary<string, string> canonical)
    {
        ulong h = StableHash.Of("search-space-v1");
        foreach (var (path, value) in canonical.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            h = StableHash.Combine(h, StableHash.Of(path));
            h = StableHash.Combine(h, StableHash.Of(value));
        }
        return h;
    }
}
