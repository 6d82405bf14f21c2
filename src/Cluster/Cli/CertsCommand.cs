using System.CommandLine;
using Cluster.Security;

namespace Cluster.Cli;

/// <summary>`search certs init DIR`: the cluster CA and node certificates for mutual TLS (see README, "Keeping foreign nodes out").</summary>
public static class CertsCommand
{
    public static Command Create()
    {
        var command = new Command("certs", "Certificates that keep foreign nodes out of a cluster (mutual TLS)");
        command.Subcommands.Add(Init());
        return command;
    }

    private static Command Init()
    {
        var dir = new Argument<string>("dir") { Description = "directory for ca.crt, ca.key (keep it private) and NAME.pfx per node" };
        var nodes = new Option<int>("--nodes") { Description = "node certificates node1..nodeN (ignored with --names)", DefaultValueFactory = _ => 2 }.Within(1, 1000);
        var names = new Option<string?>("--names") { Description = "comma-separated node names (hostnames or IP addresses; each also goes into its certificate)" };
        var days = new Option<int>("--days") { Description = "validity of the CA and the node certificates in days", DefaultValueFactory = _ => 365 }.Within(1, 36500);
        var force = new Option<bool>("--force") { Description = "replace an existing CA (nodes certified by the old one are locked out)" };
        var command = new Command("init", $"Create a cluster CA and node certificates; .pfx files are encrypted with ${NodeTls.PasswordVariable} when it is set")
        {
            dir, nodes, names, days, force,
        };
        command.SetAction(result => CliErrors.Guard(() =>
        {
            string[] list = result.GetValue(names) is { } given
                ? given.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [.. Enumerable.Range(1, result.GetValue(nodes)).Select(i => $"node{i}")];
            var set = ClusterCertificates.Init(result.GetValue(dir)!, list, TimeSpan.FromDays(result.GetValue(days)),
                Environment.GetEnvironmentVariable(NodeTls.PasswordVariable), result.GetValue(force));
            Console.WriteLine($"CA certificate  {set.CaCertificate}  (give it to every node: --tls-ca)");
            Console.WriteLine($"CA private key  {set.CaKey}  (keep it off the nodes)");
            foreach (string file in set.NodeFiles) Console.WriteLine($"node            {file}  (--tls-cert)");
            return 0;
        }));
        return command;
    }
}
