using Search.Core;

namespace Cluster.Confirmation;

/// <summary>
/// Retrained results arranged per objective with paired gains against a reference genome, and how many
/// objectives each genome wins. `search confirm` compares against the first baseline
/// (<see cref="Of"/>); `search validate` against every baseline on every task (<see cref="Against"/>).
/// </summary>
public static class ConfirmationSummary
{
    /// <summary>Confirmation results against the first baseline.</summary>
    /// <returns>Per objective (in the space's order) one row per candidate with at least one accepted result.</returns>
    public static IReadOnlyList<ConfirmationRow>[] Of(ObjectiveSet objectives, IReadOnlyList<ConfirmationCandidate> candidates,
        IReadOnlyList<ConfirmationResult> results, int seeds) =>
        Against(objectives, candidates, candidates.FirstOrDefault(c => c.Role == ConfirmationCandidate.BaselineRole),
            (c, k) => results.FirstOrDefault(r => r.Genome == c.Genome && r.SeedIndex == k)?.Objectives, seeds);

    /// <summary>
    /// Every candidate's values on seeds 1..<paramref name="seeds"/> and its gains paired per seed
    /// against <paramref name="reference"/> (no gains when null). A seed's gain counts when both
    /// genomes have a value on it; "beyond spread" needs at least two pairs and a mean gain above both
    /// genomes' sample sd.
    /// </summary>
    /// <param name="objectivesOf">A candidate's objectives on seed index k (1-based); null when it has none (not trained, rejected, failed).</param>
    /// <returns>Per objective (in the set's order) one row per candidate with at least one value.</returns>
    public static IReadOnlyList<ConfirmationRow>[] Against(ObjectiveSet objectives, IReadOnlyList<ConfirmationCandidate> candidates,
        ConfirmationCandidate? reference, Func<ConfirmationCandidate, int, double[]?> objectivesOf, int seeds) =>
        Enumerable.Range(0, objectives.Count).Select(i =>
        {
            var objective = objectives.Items[i];
            double?[] ValuesOf(ConfirmationCandidate c) => Enumerable.Range(1, seeds)
                .Select(k => objectivesOf(c, k) is { } o && !double.IsNaN(o[i]) ? o[i] : (double?)null)
                .ToArray();
            var refValues = reference is null ? null : ValuesOf(reference);
            var refPresent = refValues?.Where(x => x.HasValue).Select(x => x!.Value).ToArray() ?? [];
            var rows = new List<ConfirmationRow>();
            foreach (var c in candidates)
            {
                var v = ValuesOf(c);
                var present = v.Where(x => x.HasValue).Select(x => x!.Value).ToArray();
                if (present.Length == 0) continue;
                var gains = refValues is null ? [] : Enumerable.Range(0, seeds)
                    .Where(k => v[k].HasValue && refValues[k].HasValue)
                    .Select(k => objective.ToMinimized(refValues[k]!.Value) - objective.ToMinimized(v[k]!.Value)).ToArray();
                double meanGain = gains.Length == 0 ? double.NaN : gains.Average();
                bool beats = c != reference && gains.Length >= 2 && meanGain > Math.Max(Sd(present), Sd(refPresent));
                rows.Add(new ConfirmationRow(c, present, present.Average(), Sd(present), gains, meanGain, Sd(gains), beats));
            }
            return (IReadOnlyList<ConfirmationRow>)rows;
        }).ToArray();

    /// <summary>Sample standard deviation; 0 for fewer than two values.</summary>
    public static double Sd(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    /// <summary>For each front genome, on how many objectives it beats the reference beyond the seed spread.</summary>
    public static IReadOnlyDictionary<string, int> Wins(IReadOnlyList<ConfirmationRow>[] perObjective) =>
        perObjective.SelectMany(rows => rows).Where(r => r.Candidate.Role == ConfirmationCandidate.FrontRole)
            .GroupBy(r => r.Candidate.Genome)
            .ToDictionary(g => g.Key, g => g.Count(r => r.BeatsBeyondSpread), StringComparer.Ordinal);
}
