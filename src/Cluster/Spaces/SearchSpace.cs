using Evaluators.Candidates;
using Evaluators.Families;
using Search.Configuration;
using Search.Core;
using Search.Engine;
using Search.Termination;

namespace Cluster.Spaces;

/// <summary>
/// A loaded, validated search space: everything a run needs, whatever file it came from. The
/// family is type-erased (<see cref="IGenome"/>) so one coordinator serves every family.
/// </summary>
public sealed record SearchSpace
{
    public required string Name { get; init; }
    /// <summary>The YAML file it was read from, or "embedded:NAME".</summary>
    public required string Source { get; init; }
    /// <summary>The family the engine and strategy use: seeded (<see cref="SeededFamily"/>) when the file lists initial seeds.</summary>
    public required IGenomeFamily<IGenome> Family { get; init; }
    /// <summary>
    /// The family's plugin bound to the settings this file gave it: what jobs carry and workers compile
    /// with. Null only for spaces built in code over a family no plugin owns (tests, benchmarks).
    /// </summary>
    public FamilySpace? FamilySpace { get; init; }
    /// <summary>Strategy by name, e.g. aging, nsga2, multitask-tournament, islands; a fresh instance per call.</summary>
    public required Func<IStrategy<IGenome>> CreateStrategy { get; init; }
    public required string StrategyName { get; init; }
    public required ObjectiveSet Objectives { get; init; }
    /// <summary>Seed, lookahead, evaluation budget and <see cref="Fingerprint"/> as the space fingerprint.</summary>
    public required EngineSettings Engine { get; init; }
    public required EvaluationPlan Evaluation { get; init; }
    /// <summary>Multi-fidelity rungs' plans, rung 0 first (the engine's <see cref="EngineSettings.Fidelity"/> ladder); empty without rungs.</summary>
    public IReadOnlyList<EvaluationPlan> RungPlans { get; init; } = [];

    /// <summary>The plan of a job at <paramref name="rung"/> (always <see cref="Evaluation"/> without rungs).</summary>
    public EvaluationPlan PlanFor(int rung) => RungPlans.Count == 0 ? Evaluation : RungPlans[Math.Clamp(rung, 0, RungPlans.Count - 1)];

    /// <summary>
    /// The highest-fidelity plan: what the front's best results were measured with, so what
    /// baselines, confirmation and validation train with.
    /// </summary>
    public EvaluationPlan FinalPlan => RungPlans.Count == 0 ? Evaluation : RungPlans[^1];
    /// <summary>Canonical genome texts evaluated beside the front under the same budget and seeds (e.g. relu(x), gelu(x), silu(x)).</summary>
    public IReadOnlyList<string> Baselines { get; init; } = [];
    public required ulong Seed { get; init; }
    /// <summary>Optional wall-time limit of the search (the budget's wall_time_seconds).</summary>
    public TimeSpan? WallTime { get; init; }
    /// <summary>Hash of the space's canonical content, budget excluded (see searchspaces/README.md).</summary>
    public required ulong Fingerprint { get; init; }

    /// <summary>The stopping rule beyond the evaluation budget (which the engine applies itself), or null; one per run.</summary>
    public ITermination? CreateTermination(IClock? clock = null) => WallTime is { } limit
        ? TerminationRegistry.Create("wall-time", Settings.Of(("seconds", limit.TotalSeconds)), clock)
        : null;
}
