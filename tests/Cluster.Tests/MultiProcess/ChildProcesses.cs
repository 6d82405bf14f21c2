using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Cluster.Tests.MultiProcess;

/// <summary>Cluster.TestHost child processes of one test: started with their output drained, all killed on dispose (even when the test failed).</summary>
public sealed class ChildProcesses : IDisposable
{
    private readonly List<Process> _started = [];

    public Process Start(params string[] args)
    {
        string host = Path.Combine(AppContext.BaseDirectory, "Cluster.TestHost.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(host);
        foreach (var a in args) info.ArgumentList.Add(a);
        var p = Process.Start(info) ?? throw new InvalidOperationException("could not start the test host");
        _started.Add(p);
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    /// <summary>A TCP port nobody listens on right now (bound on port 0, then released).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; false when <paramref name="limit"/> passed first.</summary>
    public static async Task<bool> Until(Func<bool> condition, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > limit) return false;
            await Task.Delay(20);
        }
        return true;
    }

    public static string[] Lines(string file)
    {
        if (!File.Exists(file)) return [];
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) if (line.Length > 0) lines.Add(line);
        return [.. lines];
    }

    public void Dispose()
    {
        foreach (var p in _started)
        {
            try { if (!p.HasExited) p.Kill(entireProcessTree: true); p.WaitForExit(5000); }
            catch (InvalidOperationException) { }
            p.Dispose();
        }
    }
}
