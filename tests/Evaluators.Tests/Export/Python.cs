using System.Diagnostics;

namespace Evaluators.Tests.Export;

/// <summary>Runs python3 on a script with arguments and returns its standard output.</summary>
internal static class Python
{
    public static string? Executable { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "python3")).FirstOrDefault(File.Exists);

    public static string Run(string script, params string[] args)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("python3 not found"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "python3 did not finish in 60 s");
        Assert.True(process.ExitCode == 0, $"python3 failed ({process.ExitCode}):\n{stderr.Result}");
        return stdout.Result;
    }
}
