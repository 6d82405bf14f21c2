using System.Net;
using Cluster.Hosting;

namespace Cluster.Security;

/// <summary>Akka.Remote admits any process that reaches its port; without TLS that is only safe on loopback.</summary>
public static class ListenWarning
{
    /// <summary>The one warning line for a node listening beyond loopback without TLS; null when it is on loopback or has TLS.</summary>
    public static string? For(NodeOptions node)
    {
        if (node.Tls is not null || IsLoopback(node.Hostname)) return null;
        return $"warning: listening on {node.Hostname}:{node.Port} without TLS: any process that reaches this port can join the cluster; see `search certs init`";
    }

    private static bool IsLoopback(string hostname) =>
        hostname.Equals("localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(hostname, out var ip) && IPAddress.IsLoopback(ip);
}
