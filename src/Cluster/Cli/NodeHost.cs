using System.CommandLine;
using System.Net;
using System.Net.Sockets;

namespace Cluster.Cli;

/// <summary>
/// `--host`: the address a node listens on and is known by. "auto" is the address this machine's hostname resolves
/// to: in a container that is the container's (Docker) or pod's (Kubernetes) own address, which its command line
/// cannot know in advance.
/// </summary>
internal static class NodeHost
{
    public const string Auto = "auto";

    public static Option<string> Option() => new("--host")
    {
        Description = "this node's hostname or address; auto: the address this machine's hostname resolves to (containers)",
        DefaultValueFactory = _ => "127.0.0.1",
    };

    public static string Resolve(string host) => host == Auto ? OwnAddress() : host;

    private static string OwnAddress()
    {
        var addresses = Dns.GetHostAddresses(Dns.GetHostName());
        var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? addresses.FirstOrDefault(a => !IPAddress.IsLoopback(a))
            ?? throw new ArgumentException($"--host auto: hostname {Dns.GetHostName()} resolves to no address other than loopback; give --host ADDRESS");
        return chosen.ToString();
    }
}
