using System.Diagnostics;
using Search.Core;

namespace Cluster.Tests.Support;

/// <summary>
/// Cluster.TestHost as a child process, and the loop that kills it with SIGKILL at random moments:
/// what the durability tests of every store share.
/// </summary>
public static class KilledRuns
{
    /// <summary>Starts `Cluster.TestHost VERB DIR SEED MAX WORKERS FLAGS...` with stderr redirected for the caller.</summary>
    /// <param name="environment">Variables for the child only (a connection string stays off its command line).</param>
    public static Process Start(string verb, string dir, long max, int workers, IEnumerable<string> flags, IReadOnlyDictionary<string, string>? environment = null)
    {
        string host = Path.Combine(AppContext.BaseDirectory, "Cluster.TestHost.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { host, verb, dir, TestRuns.Seed.ToString(), max.ToString(), workers.ToString() }.Concat(flags)) info.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        var p = Process.Start(info) ?? throw new InvalidOperationException("could not start the test host");
        p.OutputDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        return p;
    }

    /// <summary>
    /// Up to <paramref name="lives"/> lives of the run (the first "run", then "resume"), each killed once it has
    /// finished a random 2 to 8 evaluations (lines of <paramref name="log"/>) plus a random few milliseconds; the kills that landed.
    /// </summary>
    public static async Task<int> KillRepeatedly(Func<string, Process> start, string log, Rng rng, int lives)
    {
        int killed = 0;
        for (int attempt = 0; attempt < lives; attempt++)
        {
            using var child = start(attempt == 0 ? "run" : "resume");
            int target = Lines(log) + rng.NextInt(2, 9);
            var waited = Stopwatch.StartNew();
            while (Lines(log) < target && !child.HasExited && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(10);
            await Task.Delay(rng.NextInt(0, 40));
            if (child.HasExited) break;
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
            killed++;
        }
        return killed;
    }

    /// <summary>Runs one last life to the end: its exit code must be 0 within a minute.</summary>
    public static async Task Finish(Func<string, Process> start)
    {
        using var last = start("resume");
        string stderr = await last.StandardError.ReadToEndAsync();
        Assert.True(last.WaitForExit(TimeSpan.FromSeconds(60)), "resume did not finish");
        Assert.True(last.ExitCode == 0, $"resume failed ({last.ExitCode}): {stderr}");
    }

    /// <summary>Lines of a file another process appends to (0 when it does not exist yet).</summary>
    public static int Lines(string file)
    {
        if (!File.Exists(file)) return 0;
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        int n = 0;
        while (reader.ReadLine() is not null) n++;
        return n;
    }
}
