using Evaluators.Candidates;
using Evaluators.Models;
using Evaluators.Tasks;
using Evaluators.Training;
using Search.Core;
using Search.Rejection;

namespace Evaluators.Tests.Candidates;

/// <summary>Seconds-cheap proxy tasks on the generated datasets (no files), and lookups for the equivalence stage.</summary>
internal static class TinyTasks
{
    public const string Spirals = "tiny-spirals", Checker = "tiny-checker", Explode = "tiny-explode", Endless = "tiny-endless", Moe = "tiny-moe";

    private static readonly TrainingSettings Small = new() { Epochs = 2, BatchSize = 50, ValidationFraction = 0.2 };

    public static ProxyTask Resolve(string name) => name switch
    {
        Spirals => new ProxyTask(Spirals, "spirals", new Mlp(16, 16), Small, "1000 spiral points, 2 epochs"),
        Checker => new ProxyTask(Checker, "checkerboard", new Mlp(16, 16), Small, "1000 checkerboard points, 2 epochs"),
        // SGD at an absurd rate: every candidate's loss overflows.
        Explode => new ProxyTask(Explode, "spirals", new Mlp(16, 16), Small with { Optimizer = "sgd", LearningRate = 1e12 }, "diverges"),
        Endless => new ProxyTask(Endless, "spirals", new Mlp(16, 16), Small with { Epochs = 1_000_000 }, "never ends"),
        // One feed-forward slot (width 16): each point a token, 50 tokens per routing batch, 200 validation tokens.
        Moe => new ProxyTask(Moe, "spirals", new FeedForwardSlotNet(16, 1), Small, "1000 spiral points through a mixture-of-experts block, 2 epochs"),
        _ => ProxyTasks.Get(name),
    };

    public static CandidateEvaluatorOptions Options => new() { ResolveTask = Resolve, Threads = 1 };

    /// <summary>Tiny-spirals plan with a hurdle anyone passes (10 steps, accuracy >= 0).</summary>
    public static EvaluationPlan Plan(params string[] objectives) => new()
    {
        Tasks = [Spirals],
        Objectives = objectives.Length > 0 ? objectives : ["validation_accuracy"],
        Hurdle = new HurdleSettings { Steps = 10, MinValidationAccuracy = 0 },
    };

    public static EvaluationJob Job(string genome, EvaluationPlan? plan = null, ulong seed = 7) =>
        new("activation", genome, seed, plan ?? Plan());
}

/// <summary>Records every fingerprint asked for; answers with <see cref="Stored"/> when set.</summary>
internal sealed class RecordingLookup(EvaluationResult? stored = null) : IEquivalenceLookup
{
    public EvaluationResult? Stored { get; } = stored;
    public List<ProbeFingerprint> Asked { get; } = [];

    public bool TryGet(ProbeFingerprint fingerprint, out EvaluationResult result)
    {
        Asked.Add(fingerprint);
        result = Stored!;
        return Stored is not null;
    }
}
