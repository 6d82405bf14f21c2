using Evaluators.Candidates;
using Search.Core;
using Search.Rejection;

namespace Cluster.TestHost;

/// <summary>
/// Deterministic stand-in for the real evaluator: ZDT1 objectives of the genome; candidates with
/// x0 &gt; 0.95 are rejected at stage "fake-sanity"; the plan's epochs (a multi-fidelity rung) scale f2. Sleeps a random while (its own Rng, so
/// worker timing differs run to run) and may append each finished evaluation's id to a log.
/// </summary>
public sealed class FakeEvaluator(ulong delaySeed, int maxDelayMs, string? log = null) : IEquivalenceLookup, ICandidateEvaluator
{
    private readonly Rng _delays = new(delaySeed);
    private static readonly object LogLock = new();

    public EvaluationReport Evaluate(EvaluationJob job, IEquivalenceLookup cache, CancellationToken cancel)
    {
        int delay;
        lock (_delays) delay = maxDelayMs > 0 ? _delays.NextInt(maxDelayMs + 1) : 0;
        if (delay > 0) Thread.Sleep(delay);
        var x = TestSpaces.Family.Parse(job.GenomeText).Values;
        var counters = new RejectionCounters();
        EvaluationResult result;
        if (x[0] > 0.95)
        {
            result = EvaluationResult.Reject("fake-sanity", "x0 above 0.95");
            counters.Add(new StageStats("fake-sanity", Examined: 1, Rejected: 1));
        }
        else
        {
            double g = 1 + 9 * x.Skip(1).Average();
            // A longer training (a higher multi-fidelity rung) lowers f2 a little.
            double epochs = job.Plan.Epochs ?? 1;
            result = EvaluationResult.Accept(x[0], g * (1 - Math.Sqrt(x[0] / g)) * (1 - 0.05 * (epochs - 1)));
            counters.Add(new StageStats("fake-sanity", Examined: 1));
        }
        if (log is not null)
            lock (LogLock) File.AppendAllText(log, job.Seed + "\n");
        var metrics = new Dictionary<string, double> { ["delay_ms"] = delay };
        var learned = new Dictionary<string, double> { ["x0"] = x[0] };
        return new EvaluationReport(result, null, counters, metrics, learned);
    }

    bool IEquivalenceLookup.TryGet(ProbeFingerprint fingerprint, out EvaluationResult result)
    {
        result = null!;
        return false;
    }
}
