using System.Diagnostics;
using Cluster.Hosting;
using Cluster.Security;
using Cluster.Tests.MultiProcess;

namespace Cluster.Tests.Security;

public sealed class ListenWarningTests
{
    private static readonly TestCertificates Certs = new();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("::1")]
    [InlineData("127.0.0.2")]
    public void Loopback_needs_no_warning(string host) => Assert.Null(ListenWarning.For(new NodeOptions { Hostname = host, Port = 4053 }));

    [Fact]
    public void Any_other_address_without_TLS_gets_the_warning_and_with_TLS_none()
    {
        Assert.Equal("warning: listening on 0.0.0.0:4053 without TLS: any process that reaches this port can join the cluster; see `search certs init`",
            ListenWarning.For(new NodeOptions { Hostname = "0.0.0.0", Port = 4053 }));
        Assert.NotNull(ListenWarning.For(new NodeOptions { Hostname = "node7.example", Port = 0 }));
        Assert.Null(ListenWarning.For(new NodeOptions { Hostname = "0.0.0.0", Port = 4053, Tls = Certs.Worker }));
    }

    [Fact]
    public async Task A_node_started_on_0_0_0_0_without_TLS_prints_the_warning_once_on_stderr()
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "Cluster.dll"), "node", "--host", "0.0.0.0", "--port", "0",
                     "--seed-nodes", $"127.0.0.1:{ChildProcesses.FreePort()}", "--workers", "1" })
            psi.ArgumentList.Add(a);
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var p = Process.Start(psi)!;
        p.ErrorDataReceived += (_, e) => { if (e.Data is { } l) lines.Enqueue(l); };
        p.OutputDataReceived += (_, _) => { };
        p.BeginErrorReadLine();
        p.BeginOutputReadLine();
        try
        {
            Assert.True(await ChildProcesses.Until(() => lines.Any(l => l.StartsWith("warning: listening")), TimeSpan.FromSeconds(30)), string.Join("\n", lines));
            await Task.Delay(1000); // a second warning would come with the node's start, not later
        }
        finally
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
        Assert.Equal("warning: listening on 0.0.0.0:0 without TLS: any process that reaches this port can join the cluster; see `search certs init`",
            Assert.Single(lines, l => l.Contains("without TLS")));
    }
}
