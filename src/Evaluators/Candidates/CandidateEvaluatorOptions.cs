using Evaluators.Candidates.Training;
using Evaluators.Data;
using Evaluators.Tasks;
using TorchSharp;

namespace Evaluators.Candidates;

/// <summary>How a <see cref="CandidateEvaluator"/> is set up in its host (not part of the plan, which travels in jobs).</summary>
public sealed record CandidateEvaluatorOptions
{
    /// <summary>Training device; null = CPU.</summary>
    public torch.Device? Device { get; init; }

    /// <summary>Dataset directory (see DatasetCatalog); null = the embedded defaults.</summary>
    public string? DataDirectory { get; init; }

    public DatasetCatalog? Catalog { get; init; }

    /// <summary>Maps a plan's task names to proxy tasks; tests and benchmarks add their own small tasks here.</summary>
    public Func<string, ProxyTask> ResolveTask { get; init; } = ProxyTasks.Get;

    /// <summary>Seconds per training step assumed for a task until one run on it has been measured (cost estimates only).</summary>
    public double InitialSecondsPerStep { get; init; } = 0.005;

    /// <summary>libtorch threads (process-wide); 0 keeps the current setting.</summary>
    public int Threads { get; init; }

    /// <summary>
    /// Report every learned value, even those a run does not keep (a KAN network above
    /// <c>KanLearned.MaxValues</c> values): for exports that retrain such a network, never for runs,
    /// whose journal and status would grow by ~35 bytes a value.
    /// </summary>
    public bool CompleteLearned { get; init; }

    /// <summary>
    /// Told the full trainings' step reports (every 50 mini-batch steps, every L-BFGS step), on the
    /// evaluating thread: for a command that trains one candidate in front of a user (`search export`
    /// retraining a network); null for runs.
    /// </summary>
    public Action<CandidateTrainingProgress>? TrainingProgress { get; init; }
}
