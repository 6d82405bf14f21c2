using MessagePack;
using Search.Core;
using Search.Rejection;

namespace Search.Tests.Rejection;

public class FunctionalEquivalenceCacheTests
{
    private static ProbeFingerprint Key(int i) => ProbeFingerprint.Of([i, i * 0.5]);

    [Fact]
    public void Defaults_follow_automl_zero()
    {
        var cache = new FunctionalEquivalenceCache();
        Assert.Equal((100_000, 100), (cache.Capacity, cache.MaxHits));
    }

    [Fact]
    public void A_stored_result_is_reused_for_an_equivalent_function()
    {
        var cache = new FunctionalEquivalenceCache();
        cache.Add(ProbeFingerprint.OfFunction(x => x / (1 + Math.Exp(-x))), EvaluationResult.Accept(0.91));
        Assert.True(cache.TryGet(ProbeFingerprint.OfFunction(x => x * (1 / (1 + Math.Exp(-x)))), out var r));
        Assert.Equal([0.91], r.Objectives!);
        Assert.False(cache.TryGet(ProbeFingerprint.OfFunction(Math.Tanh), out _));
        Assert.Equal((1L, 1L), (cache.Hits, cache.Misses));
    }

    [Fact]
    public void Non_finite_fingerprints_are_never_stored_or_found()
    {
        var cache = new FunctionalEquivalenceCache();
        cache.Add(ProbeFingerprint.NonFinite, EvaluationResult.Accept(1));
        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryGet(ProbeFingerprint.NonFinite, out _));
    }

    [Fact]
    public void Evicts_the_least_recently_used_entry_at_capacity()
    {
        var cache = new FunctionalEquivalenceCache(capacity: 3);
        for (int i = 0; i < 3; i++) cache.Add(Key(i), EvaluationResult.Accept(i));
        Assert.True(cache.TryGet(Key(0), out _)); // 0 is now most recent, 1 is least
        cache.Add(Key(3), EvaluationResult.Accept(3));
        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet(Key(1), out _));
        Assert.True(cache.TryGet(Key(0), out _));
        Assert.True(cache.TryGet(Key(2), out _));
        Assert.True(cache.TryGet(Key(3), out _));
    }

    [Fact]
    public void An_entry_is_dropped_after_its_hit_limit()
    {
        var cache = new FunctionalEquivalenceCache(capacity: 10, maxHits: 3);
        cache.Add(Key(1), EvaluationResult.Accept(1));
        for (int i = 0; i < 3; i++) Assert.True(cache.TryGet(Key(1), out _));
        Assert.False(cache.TryGet(Key(1), out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Snapshot_round_trip_keeps_order_hits_and_counters()
    {
        var cache = new FunctionalEquivalenceCache(capacity: 4, maxHits: 5);
        for (int i = 0; i < 6; i++) cache.Add(Key(i), EvaluationResult.Accept(i));
        for (int i = 0; i < 4; i++) cache.TryGet(Key(3), out _);
        cache.TryGet(Key(0), out _);

        var bytes = MessagePackSerializer.Serialize(cache.Snapshot());
        var copy = FunctionalEquivalenceCache.FromSnapshot(MessagePackSerializer.Deserialize<FecSnapshot>(bytes));
        Assert.Equal(bytes, MessagePackSerializer.Serialize(copy.Snapshot()));

        // Both behave the same from here: key 3 has one hit left, key 2 is least recent.
        foreach (var c in new[] { cache, copy })
        {
            Assert.True(c.TryGet(Key(3), out _));
            Assert.False(c.TryGet(Key(3), out _));
            c.Add(Key(7), EvaluationResult.Accept(7));
            c.Add(Key(8), EvaluationResult.Accept(8));
            Assert.False(c.TryGet(Key(2), out _));
            Assert.True(c.TryGet(Key(4), out _));
        }
        Assert.Equal(MessagePackSerializer.Serialize(cache.Snapshot()), MessagePackSerializer.Serialize(copy.Snapshot()));
    }
}
