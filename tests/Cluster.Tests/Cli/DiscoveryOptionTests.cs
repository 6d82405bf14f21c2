using Cluster.Hosting;

namespace Cluster.Tests.Cli;

/// <summary>
/// `--discovery` and its settings: parsed into the node's <see cref="ClusterDiscovery"/>, and contradictory or
/// incomplete combinations refused while parsing, before anything starts.
/// </summary>
public sealed class DiscoveryOptionTests
{
    private static IReadOnlyList<string> Errors(string commandLine) =>
        global::Cluster.Cli.CommandLine.Build().Parse(commandLine.Split(' ')).Errors.Select(e => e.Message).ToList();

    [Theory]
    [InlineData("node --workers 1", "a node finds its cluster by --seed-nodes host:port or by --discovery")]
    [InlineData("node --seed-nodes 127.0.0.1:1 --discovery kubernetes", "a node finds its cluster by --seed-nodes host:port or by --discovery")]
    [InlineData("node --discovery config", "--discovery config needs --discovery-endpoints")]
    [InlineData("node --discovery kubernetes --discovery-endpoints 127.0.0.1:1", "--discovery-endpoints goes with --discovery config")]
    [InlineData("node --discovery config --discovery-endpoints 127.0.0.1:1 --label-selector app=x", "--label-selector goes with --discovery kubernetes")]
    [InlineData("node --discovery dns", "--discovery dns: expected config or kubernetes")]
    [InlineData("node --discovery kubernetes --contact-points 0", "--contact-points 0: expected at least 1")]
    [InlineData("node --discovery kubernetes --health-port 70000", "--health-port 70000: expected 0 to 65535")]
    [InlineData("run --cluster 127.0.0.1:1 --discovery kubernetes", "--cluster and --discovery are two ways to find the cluster")]
    public void Contradictory_or_incomplete_discovery_is_refused(string commandLine, string expected) =>
        Assert.Contains(Errors(commandLine), e => e.Contains(expected));

    [Theory]
    [InlineData("node --discovery kubernetes")]
    [InlineData("node --seed-nodes 127.0.0.1:1 --health-port 8559")]
    [InlineData("run --workers 0 --discovery config --discovery-endpoints 127.0.0.1:1,127.0.0.1:2")]
    [InlineData("resume RUN --discovery kubernetes --label-selector app=search --host auto --port 4053")]
    public void Complete_discovery_settings_parse(string commandLine) => Assert.Empty(Errors(commandLine));

    [Fact]
    public void Config_endpoints_split_on_commas_and_repeat()
    {
        var command = new System.CommandLine.Command("node");
        var options = global::Cluster.Cli.DiscoveryOptions.AddTo(command);
        var parsed = command.Parse(["--discovery", "config", "--discovery-endpoints", "a:1,b:2", "--discovery-endpoints", "c:3",
            "--contact-points", "3", "--service-name", "layers"]);
        Assert.Empty(parsed.Errors);
        var discovery = Assert.IsType<ClusterDiscovery.Config>(options.Read(parsed));
        Assert.Equal(["a:1", "b:2", "c:3"], discovery.Endpoints);
        Assert.Equal(3, discovery.RequiredContactPoints);
        Assert.Equal("layers", discovery.ServiceName);
    }

    [Fact]
    public void Kubernetes_discovery_keeps_its_label_selector()
    {
        var command = new System.CommandLine.Command("node");
        var options = global::Cluster.Cli.DiscoveryOptions.AddTo(command);
        var parsed = command.Parse(["--discovery", "kubernetes", "--label-selector", "app=search,tier=eval"]);
        var discovery = Assert.IsType<ClusterDiscovery.Kubernetes>(options.Read(parsed));
        Assert.Equal("app=search,tier=eval", discovery.LabelSelector);
        Assert.Equal(2, discovery.RequiredContactPoints);
        Assert.Null(options.Read(command.Parse([])));
    }
}
