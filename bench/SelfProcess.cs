using System.Diagnostics;

namespace Bench;

/// <summary>
/// Starts this bench program again as a child process in a benchmark's role (a worker node, a coordinator):
/// `bench NAME --worker ...`. Its stderr is echoed with a label; its stdout goes to <c>onOutput</c> or nowhere.
/// </summary>
internal static class SelfProcess
{
    public static Process Start(IEnumerable<string> args, string label, Action<Process, string>? onOutput = null)
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var info = new ProcessStartInfo(self) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        // Under `dotnet bench.dll` the process is dotnet itself: it needs the assembly again.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") info.ArgumentList.Add(typeof(SelfProcess).Assembly.Location);
        foreach (var a in args) info.ArgumentList.Add(a);
        var p = Process.Start(info) ?? throw new InvalidOperationException($"could not start a {label} process");
        p.OutputDataReceived += (_, e) => { if (e.Data is { } line) onOutput?.Invoke(p, line); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"    {label} {p.Id}: {line}"); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    /// <summary>SIGKILL (nothing gets to flush or shut down) and wait; an already ended process is fine.</summary>
    public static void Kill(Process p)
    {
        try { if (!p.HasExited) p.Kill(entireProcessTree: true); p.WaitForExit(5000); }
        catch (InvalidOperationException) { }
    }

    /// <summary>Kills and disposes every child (the end of a benchmark, whether or not it succeeded).</summary>
    public static void KillAll(IEnumerable<Process> children)
    {
        foreach (var p in children)
        {
            Kill(p);
            p.Dispose();
        }
    }
}
