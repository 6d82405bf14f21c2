using MessagePack;
using Search.Core;
using Search.Engine;
using Search.Rejection;

namespace Search.State;

/// <summary>
/// The whole engine state, as written to a state file. Genomes are kept as canonical text and
/// re-parsed with the family on restore. Everything needed to continue exactly is here: the
/// generator words, the strategy's own bytes, outstanding proposals and early results.
/// </summary>
[MessagePackObject]
public sealed record EngineState(
    [property: Key(0)] string Family,
    [property: Key(1)] string Strategy,
    [property: Key(2)] ulong SettingsFingerprint,
    [property: Key(3)] EngineSettings Settings,
    [property: Key(4)] RngState Rng,
    [property: Key(5)] byte[] StrategyState,
    [property: Key(6)] long NextId,
    [property: Key(7)] long NextToApply,
    [property: Key(8)] OutstandingProposal[] Outstanding,
    [property: Key(9)] BufferedResult[] Buffered,
    [property: Key(10)] ArchiveEntry[] Archive,
    [property: Key(11)] long[] FrontIds,
    [property: Key(12)] EngineCounters Counters,
    [property: Key(13)] FecSnapshot Cache,
    [property: Key(14)] bool Stopped);

/// <summary>A proposal not yet applied; <see cref="Queued"/> is false once handed out to a worker.</summary>
[MessagePackObject]
public sealed record OutstandingProposal([property: Key(0)] long Id, [property: Key(1)] string Genome, [property: Key(2)] bool Queued,
    [property: Key(3)] int Rung = 0, [property: Key(4)] long? Origin = null);
