using System.Diagnostics;

namespace Search.Tests.State;

/// <summary>Launches tests/Search.StateProbe (built alongside the tests) as a separate process.</summary>
internal static class StateProbe
{
    /// <summary>The probe's output folder mirrors ours: .../tests/Search.Tests/bin/CONFIG/TFM/ -> .../tests/Search.StateProbe/bin/CONFIG/TFM/.</summary>
    public static string DllPath
    {
        get
        {
            string ours = AppContext.BaseDirectory;
            string mark = $"{Path.DirectorySeparatorChar}Search.Tests{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}";
            int at = ours.LastIndexOf(mark, StringComparison.Ordinal);
            if (at < 0) throw new InvalidOperationException($"cannot locate the probe from test folder {ours}");
            string path = Path.Combine(ours[..at], "Search.StateProbe", "bin", ours[(at + mark.Length)..], "Search.StateProbe.dll");
            if (!File.Exists(path)) throw new FileNotFoundException("state probe not built (it is a ProjectReference of Search.Tests)", path);
            return path;
        }
    }

    public static (int ExitCode, string Output) Run(params object[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(DllPath);
        foreach (var a in args) info.ArgumentList.Add(a.ToString()!);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000)) { process.Kill(); return (-1, "probe timed out"); }
        return (process.ExitCode, stdout + stderr.Result);
    }
}
