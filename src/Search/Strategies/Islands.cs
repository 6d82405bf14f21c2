using MessagePack;
using Search.Core;
using Search.Reinsertion;

namespace Search.Strategies;

/// <summary>
/// Islands around any inner strategy that accepts migrants. Each island has its own generator,
/// forked from the search's one on first use. Proposals are collected round-robin, one per island
/// in turn, so an island waiting at its generation barrier does not stall the others; results are
/// routed back in order. Every MigrationInterval results, each island's best (by rank, then
/// crowding) are copied to the next island on a ring.
/// </summary>
public sealed class Islands<TGenome> : IStrategy<TGenome> where TGenome : IGenome
{
    private readonly Func<IStrategy<TGenome>> _createInner;
    private IStrategy<TGenome>[] _islands;
    private Rng[]? _rngs;
    private List<int> _route = []; // island of each outstanding proposal, oldest first
    private int _next;
    private long _told;

    public Islands(Func<IStrategy<TGenome>> createInner, IslandOptions? options = null)
    {
        Options = options ?? new IslandOptions();
        Options.Validate();
        _createInner = createInner;
        _islands = CreateIslands();
    }

    public IslandOptions Options { get; }
    public string Name => "islands";
    public IReadOnlyList<IStrategy<TGenome>> Members => _islands;
    public IReadOnlyList<Individual<TGenome>> Population => _islands.SelectMany(i => i.Population).ToArray();
    public int Generation => _islands.Min(i => i.Generation);
    public long Migrations => _told / Options.MigrationInterval;

    private IStrategy<TGenome>[] CreateIslands()
    {
        var islands = new IStrategy<TGenome>[Options.Islands];
        for (int i = 0; i < islands.Length; i++)
        {
            islands[i] = _createInner();
            if (islands[i] is not IMigrationTarget<TGenome>)
                throw new ArgumentException($"strategy '{islands[i].Name}' cannot take migrants, so it cannot live on islands");
        }
        return islands;
    }

    private StrategyContext<TGenome> IslandContext(int i, StrategyContext<TGenome> context)
    {
        _rngs ??= Enumerable.Range(0, _islands.Length).Select(_ => context.Rng.Fork()).ToArray();
        return new StrategyContext<TGenome>(context.Family, context.Objectives, _rngs[i]);
    }

    public IReadOnlyList<TGenome> Propose(int max, StrategyContext<TGenome> context)
    {
        var proposals = new List<TGenome>();
        int idleInARow = 0;
        while (proposals.Count < max && idleInARow < _islands.Length)
        {
            int i = _next;
            _next = (_next + 1) % _islands.Length;
            var got = _islands[i].Propose(1, IslandContext(i, context));
            if (got.Count == 0) { idleInARow++; continue; }
            idleInARow = 0;
            proposals.Add(got[0]);
            _route.Add(i);
        }
        return proposals;
    }

    public void Tell(Individual<TGenome> individual, StrategyContext<TGenome> context)
    {
        if (_route.Count == 0) throw new InvalidOperationException("told a result but nothing is outstanding");
        int i = _route[0];
        _route.RemoveAt(0);
        _islands[i].Tell(individual, IslandContext(i, context));
        if (++_told % Options.MigrationInterval == 0) Migrate(context);
    }

    /// <summary>All emigrants are chosen first, then placed, so the ring is synchronous.</summary>
    private void Migrate(StrategyContext<TGenome> context)
    {
        if (_islands.Length < 2 || Options.Migrants == 0) return;
        var emigrants = _islands.Select(island => RankCrowdingReinsertion<TGenome>.Truncate(island.Population, Options.Migrants)).ToArray();
        for (int i = 0; i < _islands.Length; i++)
        {
            int to = (i + 1) % _islands.Length;
            ((IMigrationTarget<TGenome>)_islands[to]).Immigrate(emigrants[i], IslandContext(to, context));
        }
    }

    public byte[] SaveState() => MessagePackSerializer.Serialize(new IslandsState
    {
        Islands = _islands.Select(i => i.SaveState()).ToArray(),
        Rngs = _rngs?.Select(r => r.State).ToArray(),
        Route = [.. _route],
        Next = _next,
        Told = _told,
    });

    public void LoadState(byte[] state, StrategyContext<TGenome> context)
    {
        var s = MessagePackSerializer.Deserialize<IslandsState>(state);
        if (s.Islands.Length != Options.Islands)
            throw new InvalidOperationException($"saved state has {s.Islands.Length} islands, this strategy is set up for {Options.Islands}");
        _islands = CreateIslands();
        _rngs = s.Rngs?.Select(Rng.FromState).ToArray();
        for (int i = 0; i < _islands.Length; i++)
            _islands[i].LoadState(s.Islands[i], new StrategyContext<TGenome>(context.Family, context.Objectives, _rngs?[i] ?? context.Rng));
        _route = [.. s.Route];
        _next = s.Next;
        _told = s.Told;
    }
}

[MessagePackObject]
public sealed class IslandsState
{
    [Key(0)] public byte[][] Islands { get; set; } = [];
    [Key(1)] public RngState[]? Rngs { get; set; }
    [Key(2)] public int[] Route { get; set; } = [];
    [Key(3)] public int Next { get; set; }
    [Key(4)] public long Told { get; set; }
}
