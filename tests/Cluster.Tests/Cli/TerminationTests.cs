using System.Diagnostics;

namespace Cluster.Tests.Cli;

/// <summary>SIGTERM reaches the commands' cancellation token: a worker node stops by itself instead of hanging.</summary>
public sealed class TerminationTests
{
    [Fact]
    public void Sigterm_stops_a_worker_node()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Cluster.dll"), "node", "--seed-nodes", "127.0.0.1:1" }) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        using var node = Process.Start(psi)!;
        var stderr = node.StandardError.ReadToEndAsync();
        try
        {
            // The banner comes after the command line has registered its signal handling.
            string? banner = node.StandardOutput.ReadLine();
            Assert.StartsWith("joining", banner);
            var stdout = node.StandardOutput.ReadToEndAsync();
            // Let the node settle into trying to join (the unfixed program only hung from then on).
            Thread.Sleep(TimeSpan.FromSeconds(6));
            using (var kill = Process.Start("kill", ["-TERM", node.Id.ToString()])) kill.WaitForExit();
            Assert.True(node.WaitForExit(TimeSpan.FromSeconds(25)), "the node ignored SIGTERM");
        }
        finally
        {
            if (!node.HasExited) node.Kill(entireProcessTree: true);
        }
    }
}
