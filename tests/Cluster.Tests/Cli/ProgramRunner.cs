using System.Diagnostics;

namespace Cluster.Tests.Cli;

/// <summary>Runs the built `search` program (Cluster.dll beside the tests) as a child process.</summary>
internal static class ProgramRunner
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => RunWith(new Dictionary<string, string?>(), args);

    /// <summary><see cref="Run"/> with extra environment variables (a null value removes one).</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunWith(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment) psi.Environment[name] = value;
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Cluster.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(entireProcessTree: true); throw new TimeoutException("search program did not finish in 5 minutes"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
