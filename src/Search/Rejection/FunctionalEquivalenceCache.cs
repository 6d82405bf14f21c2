using MessagePack;
using Search.Core;

namespace Search.Rejection;

/// <summary>
/// AutoML-Zero's functional-equivalence cache: probe fingerprint -> the result once measured.
/// LRU with a fixed capacity (100,000), and an entry is dropped after it has served a fixed number
/// of hits (100) so a lucky measurement is re-measured eventually. Deterministic (no clocks, no
/// hashing of object identity) and serializable via <see cref="Snapshot"/>.
/// </summary>
public sealed class FunctionalEquivalenceCache
{
    public const int DefaultCapacity = 100_000;
    public const int DefaultMaxHits = 100;

    // Most recently used at the end of the list.
    private readonly LinkedList<FecEntry> _order = new();
    private readonly Dictionary<ulong, LinkedListNode<FecEntry>> _index = new();

    public FunctionalEquivalenceCache(int capacity = DefaultCapacity, int maxHits = DefaultMaxHits)
    {
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "must be positive");
        if (maxHits <= 0) throw new ArgumentOutOfRangeException(nameof(maxHits), maxHits, "must be positive");
        (Capacity, MaxHits) = (capacity, maxHits);
    }

    public int Capacity { get; }
    public int MaxHits { get; }
    public int Count => _index.Count;
    public long Hits { get; private set; }
    public long Misses { get; private set; }

    /// <summary>A hit counts toward the entry's hit limit and makes it most recently used.</summary>
    public bool TryGet(ProbeFingerprint key, out EvaluationResult result)
    {
        if (key.IsFinite && _index.TryGetValue(key.Hash, out var node))
        {
            Hits++;
            var e = node.Value;
            result = e.Result;
            _order.Remove(node);
            if (e.Hits + 1 >= MaxHits) _index.Remove(key.Hash);
            else
            {
                node.Value = e with { Hits = e.Hits + 1 };
                _order.AddLast(node);
            }
            return true;
        }
        Misses++;
        result = null!;
        return false;
    }

    /// <summary>Stores a measured result; non-finite keys are ignored. An existing key is refreshed with the new result.</summary>
    public void Add(ProbeFingerprint key, EvaluationResult result)
    {
        if (!key.IsFinite) return;
        if (_index.Remove(key.Hash, out var old)) _order.Remove(old);
        _index[key.Hash] = _order.AddLast(new FecEntry(key.Hash, result, 0));
        while (_index.Count > Capacity)
        {
            _index.Remove(_order.First!.Value.Key);
            _order.RemoveFirst();
        }
    }

    public FecSnapshot Snapshot() => new(Capacity, MaxHits, Hits, Misses, _order.ToArray());

    public static FunctionalEquivalenceCache FromSnapshot(FecSnapshot s)
    {
        var c = new FunctionalEquivalenceCache(s.Capacity, s.MaxHits) { Hits = s.Hits, Misses = s.Misses };
        foreach (var e in s.Entries) c._index[e.Key] = c._order.AddLast(e);
        return c;
    }
}

[MessagePackObject]
public sealed record FecEntry([property: Key(0)] ulong Key, [property: Key(1)] EvaluationResult Result, [property: Key(2)] int Hits);

/// <summary>The whole cache, entries least recently used first.</summary>
[MessagePackObject]
public sealed record FecSnapshot(
    [property: Key(0)] int Capacity, [property: Key(1)] int MaxHits,
    [property: Key(2)] long Hits, [property: Key(3)] long Misses,
    [property: Key(4)] FecEntry[] Entries);
