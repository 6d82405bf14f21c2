using Akka.Cluster.Hosting;
using Akka.Discovery.KubernetesApi;
using Akka.Hosting;

namespace Cluster.Hosting;

/// <summary>
/// How a node gets into its cluster: a fixed seed-node list, itself (a local run), or the nodes discovery names
/// (<see cref="ClusterDiscovery"/>, joined by <see cref="DiscoveredSeeds"/>).
/// </summary>
internal static class ClusterFormation
{
    public static void Configure(AkkaConfigurationBuilder akka, NodeOptions node)
    {
        // With TLS the transport's scheme is ssl.tcp: seed addresses must say so or nobody answers.
        string scheme = node.Tls is null ? "akka.tcp" : "akka.ssl.tcp";
        akka.WithClustering(new ClusterOptions
        {
            Roles = node.Roles,
            SeedNodes = node.SeedNodes.Select(s => $"{scheme}://{node.SystemName}@{s}").ToArray(),
        });
        if (node.Discovery is { } discovery)
        {
            UseDiscovery(akka, discovery);
            // A node whose seeds are not members yet asks again after this long (default 5 s): nodes that start
            // together then join within a second or two of the first forming the cluster.
            akka.AddHocon("akka.cluster.seed-node-timeout = 1s", HoconAddMode.Prepend);
            akka.AddStartup((system, _) => DiscoveredSeeds.Start(system, discovery, scheme));
        }
        else if (node.SeedNodes.Length == 0)
            akka.AddStartup((system, _) => Akka.Cluster.Cluster.Get(system).Join(Akka.Cluster.Cluster.Get(system).SelfAddress));
    }

    private static void UseDiscovery(AkkaConfigurationBuilder akka, ClusterDiscovery discovery)
    {
        switch (discovery)
        {
            case ClusterDiscovery.Config config:
                // Akka.Discovery's own config method: the service's endpoints listed in HOCON.
                string endpoints = string.Join(", ", config.Endpoints.Select(e => $"\"{e}\""));
                akka.AddHocon($$"""
                    akka.discovery.method = config
                    akka.discovery.config.services."{{discovery.ServiceName}}".endpoints = [{{endpoints}}]
                    """, HoconAddMode.Prepend);
                break;
            case ClusterDiscovery.Kubernetes kubernetes:
                // Without a selector the library's default, "app={0}" ({0}: the service name). It lists running
                // pods at their pod IPs, ready or not: readiness (/ready) follows membership, not the other way round.
                akka.WithKubernetesDiscovery(options =>
                {
                    if (kubernetes.LabelSelector is { } selector) options.PodLabelSelector = selector;
                });
                break;
            default:
                throw new ArgumentException($"unknown discovery method {discovery.GetType().Name}", nameof(discovery));
        }
    }
}
