using System.Diagnostics;
using Search.Core;

namespace Bench.Fuzz;

/// <summary>
/// Runs a target over generated and mutated inputs. Input i of a run with seed S is made from its
/// own seed (<see cref="InputSeed"/>), so a failure reproduces alone from the printed seed
/// (<see cref="Input"/>). Each input runs on a pool task that must finish within the time limit;
/// the loop itself runs on a dedicated thread so waiting never inlines the task (which would
/// defeat the limit).
/// </summary>
public static class FuzzRunner
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(2);

    /// <summary>The seed of input <paramref name="index"/> of a run: a SplitMix64 mix of the run seed, target and index.</summary>
    public static ulong InputSeed(ulong seed, string target, int index)
    {
        ulong z = seed ^ (StableHash.Of(target) * 0x9E3779B97F4A7C15UL) ^ ((ulong)index * 0xBF58476D1CE4E5B9UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The input a seed stands for: one in five is valid as generated, the rest are mutated.</summary>
    public static byte[] Input(IFuzzTarget target, ulong inputSeed)
    {
        var rng = new Rng(inputSeed);
        var valid = target.Valid(rng);
        if (rng.Chance(0.2)) return valid;
        return Mutator.Mutate(valid, target.Valid(rng), target.Tokens, rng);
    }

    /// <summary>Null when the input passes (accepted, or refused with a documented exception), else what went wrong.</summary>
    public static string? Check(IFuzzTarget target, byte[] input, TimeSpan limit)
    {
        // A thread of its own (LongRunning): on a busy thread pool a queued input could wait past its limit before it starts.
        var task = Task.Factory.StartNew(() => target.Run(input), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            if (!task.Wait(limit)) return $"no result within {limit.TotalSeconds:0.#} s (hang or runaway work)";
            return null;
        }
        catch (AggregateException ae) when (ae.InnerException is { } e)
        {
            if (e is FuzzPropertyException) return $"property: {e.Message}";
            if (target.IsDocumented(e)) return null;
            return $"undocumented {Chain(e)}\n{Top(Root(e))}";
        }
    }

    /// <summary>
    /// Runs <paramref name="count"/> inputs; <paramref name="progress"/> hears the number done every tenth,
    /// <paramref name="trace"/> each input's seed before it runs (a stack overflow ends the process uncaught).
    /// </summary>
    public static FuzzReport Run(IFuzzTarget target, int count, ulong seed, TimeSpan? limit = null, Action<int>? progress = null,
        Action<ulong>? trace = null)
    {
        var failures = new List<FuzzFailure>();
        var clock = Stopwatch.StartNew();
        int done = 0;
        var thread = new Thread(() =>
        {
            int step = Math.Max(1, count / 10);
            for (; done < count; done++)
            {
                ulong inputSeed = InputSeed(seed, target.Name, done);
                var input = Input(target, inputSeed);
                trace?.Invoke(inputSeed);
                if (Check(target, input, limit ?? DefaultLimit) is { } problem)
                    failures.Add(new FuzzFailure(target.Name, inputSeed, input, problem));
                if ((done + 1) % step == 0) progress?.Invoke(done + 1);
            }
        }, maxStackSize: 16 << 20) { IsBackground = true, Name = "fuzz-" + target.Name };
        thread.Start();
        thread.Join();
        return new FuzzReport(target.Name, done, failures, clock.Elapsed);
    }

    private static Exception Root(Exception e) => e.InnerException is { } inner ? Root(inner) : e;

    // The wrapped causes matter: MessagePack wraps whatever a formatter throws.
    private static string Chain(Exception e) =>
        $"{e.GetType().FullName}: {e.Message}" + (e.InnerException is { } inner ? $"\n  caused by {Chain(inner)}" : "");

    private static string Top(Exception e) =>
        string.Join('\n', (e.StackTrace ?? "").Split('\n').Take(8).Select(l => "    " + l.Trim()));
}
