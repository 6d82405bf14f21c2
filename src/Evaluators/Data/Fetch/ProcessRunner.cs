using System.ComponentModel;
using System.Diagnostics;

namespace Evaluators.Data.Fetch;

/// <summary>Runs a helper program (apt-get, dpkg-deb), forwarding its output lines as progress.</summary>
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string LastLine);

    public static Result Run(string program, IReadOnlyList<string> args, string workDirectory,
        Action<string> progress, CancellationToken cancel, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        string command = $"{program} {string.Join(' ', args)}";

        using var process = new Process { StartInfo = info };
        string last = "";
        var gate = new object();
        void OnLine(string? line)
        {
            if (string.IsNullOrWhiteSpace(line)) return;
            lock (gate) { last = line.Trim(); progress($"  {last}"); }
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        try { process.Start(); }
        catch (Win32Exception e) { throw new DatasetException($"cannot run {program}: {e.Message}", program, e); }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(timeout);
        try { process.WaitForExitAsync(limit.Token).GetAwaiter().GetResult(); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancel.ThrowIfCancellationRequested();
            throw new DatasetException($"{command} did not finish within {timeout.TotalMinutes:0} minutes", program);
        }
        process.WaitForExit(); // drains the output events
        lock (gate) return new Result(process.ExitCode, last);
    }
}
