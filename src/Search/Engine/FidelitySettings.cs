using MessagePack;

namespace Search.Engine;

/// <summary>
/// Multi-fidelity evaluation (successive halving, asynchronous as in ASHA, but deterministic):
/// every candidate is evaluated at rung 0; whenever a rung-r result is applied, the best
/// <c>Promote[r]</c> fraction of the accepted rung-r results, ranked on objective
/// <see cref="RankObjective"/> (ties: lower candidate id), is promoted to rung r + 1, each candidate
/// once. A promotion is a new proposal of the same genome at the higher rung, so it takes an id and
/// counts against the evaluation budget; what a rung means (epochs, seeds) is the evaluator's
/// business. Results are applied in id order, so promotions depend only on (seed, settings, results).
/// </summary>
[MessagePackObject]
public sealed record FidelitySettings(
    [property: Key(0)] double[] Promote,
    [property: Key(1)] int RankObjective = 0)
{
    /// <summary>Rungs, including rung 0.</summary>
    [IgnoreMember] public int Rungs => Promote.Length + 1;

    /// <summary>The highest rung.</summary>
    [IgnoreMember] public int Top => Promote.Length;

    public void Validate(int objectives)
    {
        if (Promote.Length == 0) throw new ArgumentException("multi-fidelity needs at least one rung above rung 0");
        for (int r = 0; r < Promote.Length; r++)
            if (!(Promote[r] > 0 && Promote[r] <= 1))
                throw new ArgumentOutOfRangeException(nameof(Promote), Promote[r], $"promotion fraction into rung {r + 1} must be in (0, 1]");
        if (RankObjective < 0 || RankObjective >= objectives)
            throw new ArgumentOutOfRangeException(nameof(RankObjective), RankObjective, $"must name one of the {objectives} objectives");
    }

    // Value equality over the fractions (a record compares arrays by reference).
    public bool Equals(FidelitySettings? other) =>
        other is not null && RankObjective == other.RankObjective && Promote.AsSpan().SequenceEqual(other.Promote);

    public override int GetHashCode() => Promote.Aggregate(RankObjective.GetHashCode(), (h, p) => HashCode.Combine(h, p));

    /// <summary>How many of <paramref name="accepted"/> rung-r results the best fraction is (ASHA's floor(n / eta)).</summary>
    public int PromotedCount(int rung, int accepted) => (int)Math.Floor(accepted * Promote[rung] + 1e-9);
}
