using System.CommandLine;
using Cluster.Hosting;

namespace Cluster.Cli;

/// <summary>
/// `--discovery config|kubernetes` and its settings on every command that starts a node: the nodes find each other
/// through Akka.Discovery instead of a seed-node list (see <see cref="DiscoveredSeeds"/>). Also `--health-port` (the /alive and
/// /ready probes), which makes sense with or without discovery.
/// </summary>
internal sealed class DiscoveryOptions
{
    private const string ConfigMethod = "config", KubernetesMethod = "kubernetes";

    private readonly Option<string?> _method = new("--discovery")
    {
        HelpName = $"{ConfigMethod}|{KubernetesMethod}",
        Description = "find the cluster through discovery: config (the --discovery-endpoints list) or kubernetes (running pods by label); no seed nodes needed",
    };
    private readonly Option<string[]> _endpoints = new("--discovery-endpoints")
    {
        Description = "with --discovery config: host:port of every node, as each gives --host and --port (comma-separated or repeated)",
        AllowMultipleArgumentsPerToken = true,
    };
    private readonly Option<string> _serviceName = new("--service-name")
    {
        Description = "with --discovery: the service name looked up (the same on every node of the cluster)",
        DefaultValueFactory = _ => "search",
    };
    private readonly Option<string?> _labelSelector = new("--label-selector")
    {
        Description = "with --discovery kubernetes: the pods' label selector (default app=<service name>)",
    };
    private readonly Option<int> _contactPoints = new Option<int>("--contact-points")
    {
        Description = "with --discovery: nodes that must be discovered before joining (default 2)",
        DefaultValueFactory = _ => 2,
    }.AtLeast(1);
    private readonly Option<int> _healthPort = new Option<int>("--health-port")
    {
        Description = "serve GET /alive and /ready (liveness, cluster membership) on this HTTP port; 0: off",
        DefaultValueFactory = _ => 0,
    }.Within(0, 65535);

    public static DiscoveryOptions AddTo(Command command)
    {
        var d = new DiscoveryOptions();
        foreach (var option in new Option[] { d._method, d._endpoints, d._serviceName, d._labelSelector, d._contactPoints, d._healthPort })
            command.Options.Add(option);
        // One line naming the value, as the range checks do (AcceptOnlyFromAmong lists the choices over several lines).
        d._method.Validators.Add(r =>
        {
            if (OptionRanges.TryValue(r, out string? method) && method is not (ConfigMethod or KubernetesMethod))
                r.AddError($"--discovery {method}: expected {ConfigMethod} or {KubernetesMethod}");
        });
        command.Validators.Add(r =>
        {
            OptionRanges.TryValue(r.GetResult(d._method), out string? method);
            bool endpoints = r.GetResult(d._endpoints) is { Implicit: false };
            if (method == ConfigMethod && !endpoints)
                r.AddError("--discovery config needs --discovery-endpoints host:port,...");
            if (method != ConfigMethod && endpoints)
                r.AddError("--discovery-endpoints goes with --discovery config");
            if (method != KubernetesMethod && r.GetResult(d._labelSelector) is { Implicit: false })
                r.AddError("--label-selector goes with --discovery kubernetes");
        });
        return d;
    }

    /// <summary>Whether the command line asks for discovery (validators of the commands use it).</summary>
    public bool Given(System.CommandLine.Parsing.CommandResult result) => result.GetResult(_method) is { Implicit: false };

    /// <summary>The discovery settings, or null without --discovery.</summary>
    public ClusterDiscovery? Read(ParseResult result)
    {
        ClusterDiscovery? discovery = result.GetValue(_method) switch
        {
            ConfigMethod => new ClusterDiscovery.Config(Endpoints(result.GetValue(_endpoints)!)),
            KubernetesMethod => new ClusterDiscovery.Kubernetes(result.GetValue(_labelSelector)),
            _ => null,
        };
        return discovery is null ? null : discovery with
        {
            ServiceName = result.GetValue(_serviceName)!,
            RequiredContactPoints = result.GetValue(_contactPoints),
        };
    }

    /// <summary>The node settings these options add: discovery and the health port.</summary>
    public NodeOptions ApplyTo(NodeOptions node, ParseResult result) =>
        node with { Discovery = Read(result), HealthPort = result.GetValue(_healthPort) };

    private static string[] Endpoints(string[] given) =>
        given.SelectMany(e => e.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
}
