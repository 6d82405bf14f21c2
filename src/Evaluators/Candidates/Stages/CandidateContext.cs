using Evaluators.Training;
using Search.Rejection;

namespace Evaluators.Candidates.Stages;

/// <summary>
/// One candidate passing through the rejection stages. Each stage fills in what later stages use
/// (the compiled candidate, its probe response and fingerprint, the hurdle run), so nothing is
/// computed twice. Lives for one evaluation, on one thread.
/// </summary>
public sealed class CandidateContext(EvaluationJob job, CancellationToken cancel)
{
    public EvaluationJob Job { get; } = job;
    public CancellationToken Cancel { get; } = cancel;
    public ICompiledCandidate? Compiled { get; set; }
    public ProbeResponse? Probe { get; set; }
    public ProbeFingerprint? Fingerprint { get; set; }
    public TrainingMetrics? Hurdle { get; set; }

    public ICompiledCandidate RequireCompiled() =>
        Compiled ?? throw new InvalidOperationException("the structural stage must run before this one");
}
