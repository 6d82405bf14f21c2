using MessagePack;
using Search.Core;
using Search.Rejection;
using Search.State;

namespace Search.Engine;

/// <summary>Saving and restoring the whole engine (see <see cref="StateFile"/> for the file format).</summary>
public sealed partial class SearchEngine<TGenome>
{
    private static readonly MessagePackSerializerOptions Options =
        MessagePackSerializerOptions.Standard.WithSecurity(MessagePackSecurity.UntrustedData);

    /// <summary>A complete, self-contained copy of the current state.</summary>
    public EngineState Capture() => new(
        Family.Name, _strategy.Name, Settings.Fingerprint(Objectives), Settings, _context.Rng.State, _strategy.SaveState(),
        _nextId, _nextToApply,
        _outstanding.Values.Select(p => new OutstandingProposal(p.Id, p.Genome.Text, _queue.Contains(p.Id), p.Rung, p.Origin)).ToArray(),
        _buffer.Values.OrderBy(b => b.Id).ToArray(),
        Archive.Entries.ToArray(),
        Archive.Front.Select(i => i.Id).ToArray(),
        Copy(Counters),
        Cache.Snapshot(),
        _stopped);

    public byte[] SaveBytes() => MessagePackSerializer.Serialize(Capture(), Options);

    /// <summary>Writes the state atomically (temporary file, flush, rename over the previous file).</summary>
    public void Save(string path) => StateFile.Write(path, SaveBytes());

    /// <summary>
    /// Builds a new engine from a state file, or throws: <see cref="StateFileException"/> when the
    /// file is damaged, <see cref="IncompatibleStateException"/> when it belongs to another search.
    /// Pass a fresh strategy: it is loaded from the file. <paramref name="settings"/> must match the
    /// saved ones except <see cref="EngineSettings.MaxEvaluations"/>, which may grow to extend a run.
    /// </summary>
    public static SearchEngine<TGenome> Restore(string path, IGenomeFamily<TGenome> family, IStrategy<TGenome> strategy,
        ObjectiveSet objectives, EngineSettings settings, RejectionPipeline<TGenome>? screen = null, Func<EngineProgress, bool>? stopWhen = null)
    {
        byte[] payload = StateFile.Read(path);
        EngineState state;
        try { state = MessagePackSerializer.Deserialize<EngineState>(payload, Options); }
        catch (MessagePackSerializationException e)
        {
            throw new StateFileException(path, $"payload unreadable (checksum fine, contents are not an engine state): {e.Message}", e);
        }
        return FromState(state, family, strategy, objectives, settings, screen, stopWhen, path);
    }

    public static SearchEngine<TGenome> FromState(EngineState state, IGenomeFamily<TGenome> family, IStrategy<TGenome> strategy,
        ObjectiveSet objectives, EngineSettings settings, RejectionPipeline<TGenome>? screen = null,
        Func<EngineProgress, bool>? stopWhen = null, string source = "(in memory)")
    {
        CheckCompatible(state, family, strategy, objectives, settings, source);
        var engine = new SearchEngine<TGenome>(family, strategy, objectives, settings, screen, stopWhen,
            Rng.FromState(state.Rng), FunctionalEquivalenceCache.FromSnapshot(state.Cache));
        strategy.LoadState(state.StrategyState, engine._context);

        TGenome Parse(long id, string text)
        {
            try { return family.Parse(text); }
            catch (GenomeParseException e)
            {
                throw new IncompatibleStateException(source, $"genome of proposal {id} no longer parses with family '{family.Name}': {e.Message}");
            }
        }

        foreach (var p in state.Outstanding)
        {
            engine._outstanding[p.Id] = new Proposal<TGenome>(p.Id, Parse(p.Id, p.Genome), EvaluationSeeds.For(settings.Seed, p.Id), p.Rung, p.Origin);
            if (p.Queued) engine._queue.Add(p.Id);
            if (p.Rung > 0) engine._ladder?.MarkPromoted(p.Rung - 1, p.Origin ?? p.Id);
        }
        foreach (var b in state.Buffered) engine._buffer[b.Id] = b;
        var byId = state.Archive.ToDictionary(e => e.Id);
        var front = state.FrontIds.Select(id => byId[id]).Select(e => new Individual<TGenome>(
            e.Id, Parse(e.Id, e.Genome), e.Result, objectives.ToMinimized(e.Result.Status == EvaluationStatus.Accepted ? e.Result.Objectives : null)));
        engine.Archive.Restore(state.Archive, front.ToArray(), engine._ladder is null ? null : engine.RestoreLadder(state.Archive, Parse));
        engine.Counters = Copy(state.Counters);
        (engine._nextId, engine._nextToApply, engine._stopped) = (state.NextId, state.NextToApply, state.Stopped);

        // A saved engine is settled; only a changed budget can leave room to propose more.
        if (settings.MaxEvaluations != state.Settings.MaxEvaluations) engine.Advance();
        return engine;
    }

    /// <summary>Refills the rung ladder from the archive; returns each candidate's highest-rung accepted individual.</summary>
    private IEnumerable<(long, Individual<TGenome>)> RestoreLadder(IEnumerable<ArchiveEntry> archive, Func<long, string, TGenome> parse)
    {
        var current = new Dictionary<long, ArchiveEntry>();
        foreach (var e in archive)
        {
            if (e.Rung > 0) _ladder!.MarkPromoted(e.Rung - 1, e.Candidate);
            if (e.Result.Status != EvaluationStatus.Accepted) continue;
            var minimized = Objectives.ToMinimized(e.Result.Objectives);
            _ladder!.AddAccepted(e.Rung, e.Candidate, minimized[_ladder.Settings.RankObjective]);
            current[e.Candidate] = e;
        }
        return current.Select(kv => (kv.Key, new Individual<TGenome>(kv.Value.Id, parse(kv.Value.Id, kv.Value.Genome), kv.Value.Result,
            Objectives.ToMinimized(kv.Value.Result.Objectives)))).ToArray();
    }

    private static EngineCounters Copy(EngineCounters c) =>
        MessagePackSerializer.Deserialize<EngineCounters>(MessagePackSerializer.Serialize(c, Options), Options);

    private static void CheckCompatible(EngineState state, IGenomeFamily<TGenome> family, IStrategy<TGenome> strategy,
        ObjectiveSet objectives, EngineSettings settings, string source)
    {
        if (state.Family != family.Name)
            throw new IncompatibleStateException(source, $"saved with genome family '{state.Family}', this search uses '{family.Name}'");
        if (state.Strategy != strategy.Name)
            throw new IncompatibleStateException(source, $"saved with strategy '{state.Strategy}', this search uses '{strategy.Name}'");
        var saved = state.Settings;
        string? differs =
            saved.Seed != settings.Seed ? $"seed {saved.Seed} was saved, this search has {settings.Seed}" :
            saved.Lookahead != settings.Lookahead ? $"lookahead {saved.Lookahead} was saved, this search has {settings.Lookahead}" :
            saved.SpaceFingerprint != settings.SpaceFingerprint ? $"search space {saved.SpaceFingerprint:x16} was saved, this search has {settings.SpaceFingerprint:x16}" :
            state.SettingsFingerprint != settings.Fingerprint(objectives) ? "the objectives differ" : null;
        if (differs is not null) throw new IncompatibleStateException(source, $"settings fingerprint differs: {differs}");
    }
}
