using Cluster.Coordinator;
using Cluster.Protocol;
using Evaluators.Candidates;
using Search.Core;
using Search.Rejection;

namespace Cluster.Tests.Support;

/// <summary>One filled-in instance of every protocol type (non-default values everywhere).</summary>
public static class SampleMessages
{
    public static ReportData Report { get; } = new(
        new EvaluationResult(EvaluationStatus.Rejected, null, "sanity", "constant output", 0.25),
        new ProbeFingerprint(0xDEADBEEFUL, true),
        [new StageStats("sanity", 3, 1, 0, 0.5, 1.5), new StageStats("hurdle", 2)],
        new() { ["validation_accuracy"] = 0.81, ["parameters"] = 1234, ["loss"] = double.PositiveInfinity, ["std"] = double.NaN },
        new() { ["e"] = 0.013 });

    public static EvaluationPlan Plan { get; } = new()
    {
        Tasks = ["fmnist-deep-mlp", "cifar-cnn"], Seeds = 3, Epochs = 2, TrainSubset = 5000,
        Objectives = ["validation_accuracy@fmnist-deep-mlp", "parameters"],
        Sanity = new SanitySettings { MaxAbsOutput = 99, MinOutputStd = 1e-6, MaxAbsGradient = 7 },
        Hurdle = new HurdleSettings { Task = "cifar-cnn", Steps = 11, MinValidationAccuracy = 0.3 },
        EquivalenceCache = false,
    };

    public static IReadOnlyList<IClusterMessage> All { get; } =
    [
        new RequestWork("akka.tcp://search@h:1/user/evaluator-0", "cuda:1", ["activation", "norm-act"]),
        new Job("run-1", 42, "activation", "relu(x) + 0.01*x", 0xFFFF_FFFF_FFFF_FFF0UL, Plan, 1_800_000_000_000, 2),
        new NoWorkYet(250, true),
        new JobResult("run-1", 42, "w-1", 2, Report),
        new JobResult("run-1", 43, "w-1", 1, Report with { Result = EvaluationResult.Accept(0.5, -1e300), Fingerprint = null }),
        new ResultAck(42, true),
        new JobFailed("run-1", 42, "w-2", "SEHException: native crash"),
        new EquivalenceQuery("run-1", new ProbeFingerprint(7, true)),
        new EquivalenceAnswer(new ProbeFingerprint(7, true), EvaluationResult.Accept(0.9)),
        new EquivalenceAnswer(ProbeFingerprint.NonFinite, null),
        GetStatus.Instance,
        new StatusReport("run-1", 10, 100, 7, 2, 1, new() { ["sanity"] = 2 }, [new FrontMember(3, "gelu(x)", [0.8, 120], new() { ["test_accuracy"] = 0.79, ["loss"] = double.NegativeInfinity }, new() { ["e"] = 0.02 }), new FrontMember(4, "relu(x)", [0.7, 100])], 4, 3, false, 1, 0),
        new ResultRecorded(42, "w-1", 2, Report),
        new JobLost(42, "w-1", "node unreachable"),
        new CoordinatorSnapshot([1, 2, 3, 255], new() { [42] = 1, [7] = 2 }, 1, new() { [3] = new(new() { ["m"] = 1 }, new() { ["e"] = 0.5 }) }),
    ];
}
