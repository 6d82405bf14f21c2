using Evaluators.Candidates;
using Evaluators.Candidates.Fakes;
using Search.Core;

namespace Bench.Chaos;

/// <summary>
/// The chaos run's evaluator: <see cref="NoOpEvaluator"/>'s results (a pure function of genome and
/// seed, so who evaluates does not matter) after a random 10-60 ms, each finished evaluation appended
/// to a log shared by every worker process (counts the work done, lost work included).
/// </summary>
internal sealed class ChaosEvaluator(string log) : ICandidateEvaluator
{
    private readonly NoOpEvaluator _results = new();
    private readonly Rng _delays = new((ulong)Environment.ProcessId);

    public EvaluationReport Evaluate(EvaluationJob job, IEquivalenceLookup cache, CancellationToken cancel)
    {
        int delay;
        lock (_delays) delay = _delays.NextInt(10, 61);
        Thread.Sleep(delay);
        var report = _results.Evaluate(job, cache, cancel);
        ChaosLog.Append(log, job.Seed.ToString());
        return report;
    }
}

/// <summary>A line log several processes append to and the driver counts.</summary>
internal static class ChaosLog
{
    public static void Append(string file, string line)
    {
        // O_APPEND writes of one short line do not interleave between processes.
        using var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        var bytes = System.Text.Encoding.ASCII.GetBytes(line + "\n");
        stream.Write(bytes);
    }

    public static int Lines(string file)
    {
        if (!File.Exists(file)) return 0;
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        int n = 0;
        int b;
        while ((b = stream.ReadByte()) >= 0) if (b == '\n') n++;
        return n;
    }
}
