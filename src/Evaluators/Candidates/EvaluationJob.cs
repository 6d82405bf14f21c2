using Evaluators.Families;

namespace Evaluators.Candidates;

/// <summary>
/// One candidate to evaluate: family name, canonical genome text, the derived evaluation seed, the
/// plan, and the run's family settings (<see cref="Space"/>; null = the family's defaults), so the
/// candidate is compiled with exactly the space the search used.
/// </summary>
public sealed record EvaluationJob(string Family, string GenomeText, ulong Seed, EvaluationPlan Plan, FamilySpace? Space = null)
{
    /// <summary>The family settings to compile with.</summary>
    /// <exception cref="ArgumentException">An unknown family, or settings of another family.</exception>
    public FamilySpace ResolveSpace()
    {
        var space = Space ?? FamilySpace.Default(Family);
        if (space.Family.Name != Family)
            throw new ArgumentException($"the job is of family '{Family}' but carries settings of '{space.Family.Name}'");
        return space;
    }
}
