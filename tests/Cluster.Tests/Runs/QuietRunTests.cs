using System.Diagnostics;
using Cluster.Tests.Support;

namespace Cluster.Tests.Runs;

/// <summary>
/// A healthy run prints no warnings: it used to log "ClusterSingletonProxy failed to find an associated
/// singleton" at start and at the end (Akka.NET's proxy checks with no initial delay), which taught users to ignore warnings.
/// </summary>
[Collection("akka-runs")]
public sealed class QuietRunTests
{
    [Fact]
    public async Task A_run_from_start_to_finish_logs_no_warning_or_error()
    {
        string dir = TestRuns.TempDir("quiet");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Cluster.TestHost.dll"), "run", dir, TestRuns.Seed.ToString(), "20", "2" })
            info.ArgumentList.Add(a);
        using var child = Process.Start(info)!;
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        string output = await stdout + await stderr;

        Assert.Equal(0, child.ExitCode);
        Assert.True(File.Exists(Path.Combine(dir, "final.json")));
        Assert.DoesNotContain("[WARNING]", output);
        Assert.DoesNotContain("[ERROR]", output);
    }
}
