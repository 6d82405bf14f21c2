using System.Net;
using Akka.Discovery;
using Cluster.Hosting;

namespace Cluster.Tests.Workers;

/// <summary>
/// Discovered nodes become seed nodes in one order on every node (whatever order discovery answered in), so all agree
/// on the first, the one that may form the cluster.
/// </summary>
public sealed class DiscoveredSeedsTests
{
    [Fact]
    public void Every_node_gets_the_same_seed_order_and_targets_without_a_port_use_the_own_port()
    {
        var a = new ServiceDiscovery.Resolved("search", [new("10.0.0.9", 4053), new("10.0.0.10", null), new("10.0.0.10", 4053), new("10.0.0.2", 4053)]);
        var b = new ServiceDiscovery.Resolved("search", [new("10.0.0.2", 4053), new("10.0.0.10", 4053), new("10.0.0.9", 4053)]);
        var seedsA = DiscoveredSeeds.Seeds(a, "search", "akka.tcp", 4053);
        var seedsB = DiscoveredSeeds.Seeds(b, "search", "akka.tcp", 4053);
        Assert.Equal(seedsA, seedsB);
        Assert.Equal(["akka.tcp://search@10.0.0.10:4053", "akka.tcp://search@10.0.0.2:4053", "akka.tcp://search@10.0.0.9:4053"],
            seedsA.Select(s => s.ToString()));
    }

    [Fact]
    public void A_target_known_only_by_address_is_reached_at_that_address_with_the_tls_scheme()
    {
        var resolved = new ServiceDiscovery.Resolved("search", [new("", 5000, IPAddress.Parse("10.1.2.3"))]);
        Assert.Equal("akka.ssl.tcp://search@10.1.2.3:5000", Assert.Single(DiscoveredSeeds.Seeds(resolved, "search", "akka.ssl.tcp", 4053)).ToString());
    }
}
