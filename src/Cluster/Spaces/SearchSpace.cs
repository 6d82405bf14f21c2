using Evaluators.Candidates;
using Search.Core;
using Search.Engine;

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
    public required IGenomeFamily<IGenome> Family { get; init; }
    /// <summary>Strategy by name, e.g. aging, nsga2, multitask-tournament, islands; a fresh instance per call.</summary>
    public required Func<IStrategy<IGenome>> CreateStrategy { get; init; }
    public required string StrategyName { get; init; }
    public required ObjectiveSet Objectives { get; init; }
    public required EngineSettings Engine { get; init; }
    public required EvaluationPlan Evaluation { get; init; }
    /// <summary>Genome texts evaluated beside the front under the same budget and seeds (e.g. relu(x), gelu(x), silu(x)).</summary>
    public IReadOnlyList<string> Baselines { get; init; } = [];
    public required ulong Seed { get; init; }
}
