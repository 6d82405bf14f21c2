using System.Diagnostics;

namespace Evaluators.Tests.Export;

/// <summary>
/// Debian's Python with PyTorch (python3-torch, 1.13 on Debian 12): /usr/bin/python3, not the python3
/// first on the PATH, which may be another Python without torch. SEARCH_TEST_TORCH_PYTHON names
/// another interpreter (a virtual environment with a newer torch).
/// </summary>
internal static class RealTorch
{
    public static string Executable { get; } = Environment.GetEnvironmentVariable("SEARCH_TEST_TORCH_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";
    public const string Install = "apt-get install -y python3-torch libopenblas0-pthread";

    /// <summary>Null when torch imports; else why not, with the command that installs it.</summary>
    public static string? Missing { get; } = Probe();

    public static string Run(string script, params string[] args)
    {
        var (code, stdout, stderr) = Start(script, args, TimeSpan.FromMinutes(3));
        Assert.True(code == 0, $"{Executable} failed ({code}):\n{stderr}");
        return stdout;
    }

    private static string? Probe()
    {
        if (!File.Exists(Executable)) return $"{Executable} is missing; on Debian 12: {Install}";
        try
        {
            var (code, _, stderr) = Start("import torch", [], TimeSpan.FromMinutes(1));
            return code == 0 ? null : $"PyTorch does not import under {Executable} ({stderr.Trim().Split('\n').LastOrDefault()}); on Debian 12: {Install}";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException)
        {
            return $"{Executable} does not run ({e.Message}); on Debian 12: {Install}";
        }
    }

    private static (int Code, string Stdout, string Stderr) Start(string script, string[] args, TimeSpan limit)
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var a in args) start.ArgumentList.Add(a);
        // One thread: the tests share the machine's cores, and the inputs are small.
        start.Environment["OMP_NUM_THREADS"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Executable} did not finish in {limit.TotalSeconds} s");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A fact that is skipped, saying how to install PyTorch, when /usr/bin/python3 cannot import torch.</summary>
public sealed class TorchFactAttribute : FactAttribute
{
    public TorchFactAttribute()
    {
        if (RealTorch.Missing is { } why) Skip = why;
    }
}
