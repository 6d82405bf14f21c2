using System.Diagnostics;
using System.Globalization;

namespace Bench.Chaos;

/// <summary>This program's child processes in a chaos role (`chaos --coordinator ...`, `chaos --worker ...`); all killed on dispose.</summary>
internal sealed class ChildProcesses(int budget) : IDisposable
{
    private readonly List<Process> _started = [];

    public Process Start(params string[] roleArgs)
    {
        string role = roleArgs[0].TrimStart('-');
        // Their stdout carries Akka's warnings (expected under kill -9): only the rejoin notices are shown.
        var p = SelfProcess.Start(new[] { "chaos", "--evaluations", budget.ToString(CultureInfo.InvariantCulture) }.Concat(roleArgs), role,
            (child, line) => { if (line.Contains("joining", StringComparison.Ordinal)) Console.WriteLine($"    {role} {child.Id}: {line}"); });
        _started.Add(p);
        return p;
    }

    public void Dispose() => SelfProcess.KillAll(_started);
}
