using Search.Core;

namespace Cluster.Confirmation;

/// <summary>Confirmation results arranged per objective, and how many objectives each genome wins.</summary>
public static class ConfirmationSummary
{
    /// <returns>Per objective (in the space's order) one row per candidate with at least one accepted result.</returns>
    public static IReadOnlyList<ConfirmationRow>[] Of(ObjectiveSet objectives, IReadOnlyList<ConfirmationCandidate> candidates,
        IReadOnlyList<ConfirmationResult> results, int seeds)
    {
        var reference = candidates.FirstOrDefault(c => c.Role == ConfirmationCandidate.BaselineRole);
        return Enumerable.Range(0, objectives.Count).Select(i =>
        {
            var objective = objectives.Items[i];
            double?[] ValuesOf(ConfirmationCandidate c) => Enumerable.Range(1, seeds)
                .Select(k => results.FirstOrDefault(r => r.Genome == c.Genome && r.SeedIndex == k)?.Objectives is { } o && !double.IsNaN(o[i]) ? o[i] : (double?)null)
                .ToArray();
            var refValues = reference is null ? null : ValuesOf(reference);
            var rows = new List<ConfirmationRow>();
            foreach (var c in candidates)
            {
                var v = ValuesOf(c);
                var present = v.Where(x => x.HasValue).Select(x => x!.Value).ToArray();
                if (present.Length == 0) continue;
                var gains = refValues is null ? [] : Enumerable.Range(0, seeds)
                    .Where(k => v[k].HasValue && refValues[k].HasValue)
                    .Select(k => objective.ToMinimized(refValues[k]!.Value) - objective.ToMinimized(v[k]!.Value)).ToArray();
                var refPresent = refValues?.Where(x => x.HasValue).Select(x => x!.Value).ToArray() ?? [];
                double meanGain = gains.Length == 0 ? double.NaN : gains.Average();
                bool beats = c != reference && gains.Length >= 2 && meanGain > Math.Max(Sd(present), Sd(refPresent));
                rows.Add(new ConfirmationRow(c, present, present.Average(), Sd(present), gains, meanGain, Sd(gains), beats));
            }
            return (IReadOnlyList<ConfirmationRow>)rows;
        }).ToArray();
    }

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
