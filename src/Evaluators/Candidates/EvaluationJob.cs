namespace Evaluators.Candidates;

/// <summary>One candidate to evaluate: family name, canonical genome text, the derived evaluation seed, and the plan.</summary>
public sealed record EvaluationJob(string Family, string GenomeText, ulong Seed, EvaluationPlan Plan);
