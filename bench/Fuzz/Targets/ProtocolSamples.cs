using Cluster.Protocol;
using Cluster.Protocol.Data;
using Cluster.Protocol.Journal;
using Evaluators.Candidates;
using Search.Core;

namespace Bench.Fuzz.Targets;

/// <summary>One message of every protocol type, filled in from a generator so strings, numbers and list lengths vary.</summary>
internal static class ProtocolSamples
{
    public static IClusterMessage Random(Rng rng)
    {
        string S() => rng.Pick(["", "run-1", "w-1", "relu(x) + 0.01*x", "akka.tcp://search@h:1/user/evaluator-0", "ü\u0000\uFFFF"]);
        long L() => rng.Pick([0L, 1, 42, -1, long.MaxValue, long.MinValue, int.MaxValue + 1L]);
        double D() => rng.Pick([0.0, -0.5, 1e300, double.NaN, double.PositiveInfinity, 0.81]);
        double[] Ds() => [.. Enumerable.Range(0, rng.NextInt(4)).Select(_ => D())];
        Dictionary<string, double> Map() => Enumerable.Range(0, rng.NextInt(3)).ToDictionary(i => $"m{i}", _ => D());
        var fingerprint = new FingerprintData((ulong)L(), rng.Chance(0.5));
        var result = new ResultData((ResultStatus)rng.NextInt(3), Ds(), S(), S(), D());
        var stages = Enumerable.Range(0, rng.NextInt(3)).Select(_ => new StageStatsData(S(), rng.NextInt(9), rng.NextInt(9), rng.NextInt(9), D(), D())).ToArray();
        var report = new ReportData(result, fingerprint, stages, Map(), Map());
        var plan = new EvaluationPlan { Tasks = ["fmnist-deep-mlp", S()], Seeds = 1 + rng.NextInt(3), Objectives = ["parameters"] };
        return rng.NextInt(13) switch
        {
            0 => new RequestWork(S()),
            1 => new Job(S(), L(), S(), S(), (ulong)L(), PlanData.From(plan), L(), rng.NextInt(3), S(), (ulong)L()),
            2 => new NoWorkYet(rng.NextInt(1000), rng.Chance(0.5)),
            3 => new JobResult(S(), L(), S(), rng.NextInt(3), report),
            4 => new ResultAck(L(), rng.Chance(0.5)),
            5 => new JobFailed(S(), L(), S(), S()),
            6 => new EquivalenceQuery(S(), fingerprint),
            7 => new EquivalenceAnswer(fingerprint, rng.Chance(0.5) ? result : null),
            8 => GetStatus.Instance,
            9 => new StatusReport(S(), rng.NextInt(99), rng.NextInt(99), rng.NextInt(99), rng.NextInt(9), rng.NextInt(9), new() { [S()] = rng.NextInt(9) },
                [new FrontMember(L(), S(), Ds(), Map(), Map(), Rung: rng.NextInt(3))], rng.NextInt(9), rng.NextInt(9), rng.Chance(0.5),
                rng.NextInt(9), rng.NextInt(9), stages, [new RungStatus(0, rng.Chance(0.5) ? 1 : null, 1, 60, 50, 15, S(), rng.Chance(0.5) ? D() : null)]),
            10 => new ResultRecorded(L(), S(), rng.NextInt(3), report),
            11 => new JobLost(L(), S(), S()),
            _ => new CoordinatorSnapshot([.. Enumerable.Range(0, rng.NextInt(5)).Select(_ => (byte)rng.NextInt(256))], new() { [L()] = rng.NextInt(3) },
                rng.NextInt(9), new() { [L()] = new ResultDetails(Map(), Map()) }),
        };
    }
}
