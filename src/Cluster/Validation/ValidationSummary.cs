using Cluster.Confirmation;
using Search.Core;

namespace Cluster.Validation;

/// <summary>One task's validation results against one baseline: per objective one row per candidate (<see cref="ConfirmationSummary.Against"/>).</summary>
public sealed record ValidationComparison(ConfirmationCandidate Baseline, IReadOnlyList<ConfirmationRow>[] PerObjective);

/// <summary>Validation results of one task and data directory, paired per seed against every baseline in turn.</summary>
public static class ValidationSummary
{
    /// <returns>One comparison per baseline among <paramref name="candidates"/>, in their order (empty without baselines).</returns>
    public static IReadOnlyList<ValidationComparison> Of(ObjectiveSet objectives, IReadOnlyList<ConfirmationCandidate> candidates,
        IReadOnlyList<ValidationResult> results, string task, string? dataDirectory, int seeds)
    {
        double[]? ObjectivesOf(ConfirmationCandidate c, int k) => results.FirstOrDefault(r => r.Is(c.Genome, task, dataDirectory, k))?.Objectives;
        return candidates.Where(c => c.Role == ConfirmationCandidate.BaselineRole)
            .Select(b => new ValidationComparison(b, ConfirmationSummary.Against(objectives, candidates, b, ObjectivesOf, seeds)))
            .ToArray();
    }

    /// <summary>The front genomes that beat every baseline beyond the seed spread on objective <paramref name="objective"/>; none without baselines.</summary>
    public static IReadOnlyList<string> BeatingAll(IReadOnlyList<ConfirmationCandidate> candidates, IReadOnlyList<ValidationComparison> comparisons, int objective = 0) =>
        comparisons.Count == 0 ? [] : candidates.Where(c => c.Role == ConfirmationCandidate.FrontRole)
            .Where(c => comparisons.All(cmp => cmp.PerObjective[objective].Any(r => r.Candidate == c && r.BeatsBeyondSpread)))
            .Select(c => c.Genome).ToArray();
}
