namespace Search.Engine;

/// <summary>
/// The engine's record of multi-fidelity rungs: the accepted results at each rung (candidate id and
/// its ranking value, minimised) and which candidates have been promoted out of each rung. Pure
/// bookkeeping, rebuilt from the archive and the outstanding proposals on restore.
/// </summary>
internal sealed class RungLadder(FidelitySettings settings)
{
    private readonly List<(long Candidate, double Key)>[] _accepted = Enumerable.Range(0, settings.Rungs).Select(_ => new List<(long, double)>()).ToArray();
    private readonly HashSet<long>[] _promoted = Enumerable.Range(0, settings.Rungs).Select(_ => new HashSet<long>()).ToArray();

    public FidelitySettings Settings { get; } = settings;

    /// <summary>An accepted result at <paramref name="rung"/> with the minimised value of the ranking objective.</summary>
    public void AddAccepted(int rung, long candidate, double minimizedKey) => _accepted[rung].Add((candidate, minimizedKey));

    /// <summary>Notes that <paramref name="candidate"/> left <paramref name="rung"/> for the next one.</summary>
    public void MarkPromoted(int rung, long candidate) => _promoted[rung].Add(candidate);

    public int AcceptedAt(int rung) => _accepted[rung].Count;
    public int PromotedFrom(int rung) => _promoted[rung].Count;

    /// <summary>
    /// Candidates of <paramref name="rung"/> to promote now, best first: those in its best fraction
    /// (k = floor(n f) of its n accepted results) not promoted yet, but never so many that more than
    /// k have left the rung (a promoted candidate that later falls out of the best k still counts).
    /// NaN values rank last and are never promoted.
    /// </summary>
    public IReadOnlyList<long> Promotable(int rung)
    {
        if (rung >= Settings.Top) return [];
        var results = _accepted[rung];
        int room = Settings.PromotedCount(rung, results.Count) - _promoted[rung].Count;
        if (room <= 0) return [];
        return results
            .OrderBy(r => double.IsNaN(r.Key) ? double.PositiveInfinity : r.Key).ThenBy(r => r.Candidate)
            .Take(Settings.PromotedCount(rung, results.Count))
            .Where(r => !double.IsNaN(r.Key) && !_promoted[rung].Contains(r.Candidate))
            .Take(room)
            .Select(r => r.Candidate).ToArray();
    }
}
