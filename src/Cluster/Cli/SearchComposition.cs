using Cluster.Runs;
using Cluster.Spaces;
using Evaluators.Candidates;
using Evaluators.Runtime;

namespace Cluster.Cli;

/// <summary>
/// What the search commands need from outside the cluster code: how to load a search space (a
/// YAML path, "embedded:NAME", or null for the default space) and the evaluator of one slot.
/// <see cref="Default"/> is the real one; tests pass a synthetic space and a fake evaluator.
/// </summary>
public sealed record SearchComposition(
    Func<string?, SearchSpace> LoadSpace,
    Func<EvaluatorSlot, ICandidateEvaluator> CreateEvaluator)
{
    private const string Embedded = "embedded:";

    /// <summary>
    /// Reads a run's copy of its space with relative paths (evaluation.data) starting from the given
    /// folder, that of the file the run started from; null: <see cref="LoadSpace"/> on the copy.
    /// </summary>
    public Func<string, string, SearchSpace>? LoadCopy { get; init; }

    /// <summary>The space a run searched (status, resume, confirm, export read it through this).</summary>
    public SearchSpace SpaceOf(RunRecord run) =>
        LoadCopy is not null && run.SpaceFolder is { } folder ? LoadCopy(run.SpaceSource, folder) : LoadSpace(run.SpaceSource);

    public static SearchComposition Default { get; } = new(
        source => source switch
        {
            null => SearchSpaceFile.LoadEmbedded(),
            _ when source.StartsWith(Embedded, StringComparison.Ordinal) => SearchSpaceFile.LoadEmbedded(source[Embedded.Length..]),
            _ => SearchSpaceFile.Load(source),
        },
        slot =>
        {
            TorchRuntime.EnsureReady();
            return new CandidateEvaluator(new CandidateEvaluatorOptions
            {
                Device = DeviceChoice.Resolve(slot.Device),
                DataDirectory = slot.DataDirectory,
                // libtorch threads are process-wide: share the cores among the CPU slots unless told.
                Threads = slot.Threads > 0 ? slot.Threads : Math.Max(1, Environment.ProcessorCount / Math.Max(1, slot.Slots)),
                CompleteLearned = slot.CompleteLearned,
                TrainingProgress = slot.TrainingProgress,
            });
        })
    {
        LoadCopy = (copy, folder) => SearchSpaceFile.Load(copy, relativeTo: folder),
    };
}
