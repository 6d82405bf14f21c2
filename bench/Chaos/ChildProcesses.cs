using System.Diagnostics;
using System.Globalization;

namespace Bench.Chaos;

/// <summary>This program's child processes in a chaos role (`chaos --coordinator ...`, `chaos --worker ...`); all killed on dispose.</summary>
internal sealed class ChildProcesses(int budget) : IDisposable
{
    private readonly List<Process> _started = [];

    public Process Start(params string[] roleArgs)
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var info = new ProcessStartInfo(self) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") info.ArgumentList.Add(typeof(ChildProcesses).Assembly.Location);
        foreach (var a in new[] { "chaos", "--evaluations", budget.ToString(CultureInfo.InvariantCulture) }.Concat(roleArgs)) info.ArgumentList.Add(a);
        var p = Process.Start(info) ?? throw new InvalidOperationException("could not start a chaos process");
        string role = roleArgs[0].TrimStart('-');
        // Their stdout carries Akka's warnings (expected under kill -9): drop it; stderr and rejoin notices are shown.
        p.OutputDataReceived += (_, e) => { if (e.Data is { } line && line.Contains("joining", StringComparison.Ordinal)) Console.WriteLine($"    {role} {p.Id}: {line}"); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"    {role} {p.Id}: {line}"); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        _started.Add(p);
        return p;
    }

    /// <summary>SIGKILL: nothing gets to flush or shut down.</summary>
    public static void Kill(Process p)
    {
        try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        p.WaitForExit();
    }

    public void Dispose()
    {
        foreach (var p in _started)
        {
            Kill(p);
            p.Dispose();
        }
    }
}
