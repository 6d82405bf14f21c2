using Cluster.Protocol;
using Cluster.Protocol.Data;
using Cluster.Protocol.Journal;
using Evaluators.Candidates;

namespace Cluster.Tests.Support;

/// <summary>One filled-in instance of every protocol type (non-default values everywhere, so every key shows in the bytes).</summary>
public static class SampleMessages
{
    public static ReportData Report { get; } = new(
        new ResultData(ResultStatus.Rejected, [0.5], "sanity", "constant output", 0.25),
        new FingerprintData(0xDEADBEEFUL, true),
        [new StageStatsData("sanity", 3, 1, 4, 0.5, 1.5), new StageStatsData("hurdle", 2, 1, 1, 0.125, 2)],
        new() { ["validation_accuracy"] = 0.81, ["parameters"] = 1234, ["loss"] = double.PositiveInfinity, ["std"] = double.NaN },
        new() { ["e"] = 0.013 });

    public static EvaluationPlan Plan { get; } = new()
    {
        Tasks = ["fmnist-deep-mlp", "cifar-cnn"], Seeds = 3, Epochs = 2, TrainSubset = 5000,
        Objectives = ["validation_accuracy@fmnist-deep-mlp", "parameters"],
        Sanity = new SanitySettings { MaxAbsOutput = 99, MinOutputStd = 1e-6, MaxAbsGradient = 7 },
        Hurdle = new HurdleSettings { Task = "cifar-cnn", Steps = 11, MinValidationAccuracy = 0.3 },
        Stability = new StabilitySettings { Enabled = false, Steps = 4, StepSize = 0.5, MaxGradientNorm = 1e6, BatchSize = 16 },
        EquivalenceCache = false,
        Csv = new Evaluators.Data.Csv.CsvSource("/data/runs.csv", "y", 7),
        UnitGain = true,
    };

    private static readonly Job SampleJob = new("run-1", 42, "activation", "relu(x) + 0.01*x", 0xFFFF_FFFF_FFFF_FFF0UL, PlanData.From(Plan), 1_800_000_000_000, 2,
        "activation:\n  unary: [relu, tanh]\n", 0x0123_4567_89AB_CDEFUL);
    private static readonly JobResult SampleResult = new("run-1", 42, "w-1", 2, Report);

    public static IReadOnlyList<IClusterMessage> All { get; } =
    [
        new RequestWork("akka.tcp://search@h:1/user/evaluator-0"),
        SampleJob,
        new NoWorkYet(250, true),
        SampleResult,
        new ResultAck(42, true),
        new JobFailed("run-1", 42, "w-2", "SEHException: native crash"),
        new EquivalenceQuery("run-1", new FingerprintData(7, true)),
        new EquivalenceAnswer(new FingerprintData(7, true), new ResultData(ResultStatus.Accepted, [0.9, -1e300], "fec", "reused", 0.01)),
        GetStatus.Instance,
        new StatusReport("run-1", 10, 100, 7, 2, 1, new() { ["sanity"] = 2 },
            [new FrontMember(3, "gelu(x)", [0.8, 120], new() { ["test_accuracy"] = 0.79, ["loss"] = double.NegativeInfinity }, new() { ["e"] = 0.02 }, Rung: 2)],
            4, 3, true, 1, 5, [new StageStatsData("sanity", 10, 2, 1, 0.75, 30)],
            [new RungStatus(0, 1, 1, 60, 50, 15, "accuracy", 0.83), new RungStatus(1, null, 3, 15, 15, 0, "accuracy", null)], "no slot"),
        new ResultRecorded(42, "w-1", 2, Report),
        new JobLost(42, "w-1", "node unreachable"),
        new RequestJobs("akka.tcp://search@h:1/user/evaluator-0", 64),
        new JobBatch([SampleJob]),
        new ResultBatch([SampleResult]),
        new ResultAcks([42, 43]),
        new ResultsRecorded([new ResultRecorded(42, "w-1", 2, Report)]),
        new CoordinatorSnapshot([1, 2, 3, 255], new() { [42] = 1, [7] = 2 }, 1, new() { [3] = new(new() { ["m"] = 1 }, new() { ["e"] = 0.5 }) }),
    ];
}
