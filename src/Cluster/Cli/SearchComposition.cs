using Cluster.Spaces;
using Evaluators.Candidates;

namespace Cluster.Cli;

/// <summary>
/// What the search commands need from outside the cluster code: how to load a search space (a
/// YAML path, "embedded:NAME", or null for the default space) and the evaluator of one worker slot
/// on a device. The program supplies SearchSpaceFile.Load and CandidateEvaluator; tests a synthetic space and a fake.
/// </summary>
public sealed record SearchComposition(
    Func<string?, SearchSpace> LoadSpace,
    Func<int, string, ICandidateEvaluator> CreateEvaluator);
