using Cluster.Protocol;
using Cluster.Spaces;
using Evaluators.Candidates;
using Search.Engine;

namespace Cluster.Confirmation;

/// <summary>
/// What `search confirm` retrains and how. The search compares candidates that each trained once, on
/// their own seed; confirmation retrains the best front members and the baselines on the SAME
/// seeds, so every comparison is paired and the seed spread is measured rather than guessed.
/// </summary>
public static class ConfirmationPlan
{
    /// <summary>
    /// The candidates: for every objective, the <paramref name="top"/> front members best on it
    /// (in the space's direction), each genome once, best on the first objective first; then the
    /// space's baselines.
    /// </summary>
    public static IReadOnlyList<ConfirmationCandidate> Candidates(SearchSpace space, StatusReport status, int top)
    {
        if (top < 1) throw new ArgumentException($"--top {top}: expected at least 1");
        var picked = new List<FrontMember>();
        var front = status.Front.Where(f => f.Objectives.Length == space.Objectives.Count).ToArray();
        for (int i = 0; i < space.Objectives.Count; i++)
        {
            var objective = space.Objectives.Items[i];
            foreach (var f in front.Where(f => !double.IsNaN(f.Objectives[i])).OrderBy(f => objective.ToMinimized(f.Objectives[i])).ThenBy(f => f.Id).Take(top))
                if (!picked.Any(p => p.Genome == f.Genome)) picked.Add(f);
        }
        var candidates = picked.Select(f => new ConfirmationCandidate(f.Genome, ConfirmationCandidate.FrontRole, f.Id)).ToList();
        foreach (var b in space.Baselines)
            if (!candidates.Any(c => c.Genome == b)) candidates.Add(new ConfirmationCandidate(b, ConfirmationCandidate.BaselineRole, null));
        return candidates;
    }

    /// <summary>
    /// The run's plan for one training per job: the cheap stages stay (they are deterministic and
    /// catch nothing the search did not), the hurdle, stability check and equivalence cache go
    /// (confirmation measures full training only).
    /// </summary>
    public static EvaluationPlan Plan(EvaluationPlan run) =>
        run with { Seeds = 1, Hurdle = null, Stability = new StabilitySettings { Enabled = false }, EquivalenceCache = false };

    /// <summary>Training seed of confirmation seed k (1-based): derived from the run seed at ids no proposal or baseline takes.</summary>
    public static ulong SeedFor(ulong runSeed, int k) =>
        k >= 1 ? EvaluationSeeds.For(runSeed, -1 - k) : throw new ArgumentOutOfRangeException(nameof(k), k, "seed index starts at 1");
}
