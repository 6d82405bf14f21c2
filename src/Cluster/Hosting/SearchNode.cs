using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Persistence.Hosting;
using Akka.Persistence.Sql.Hosting;
using Akka.Remote.Hosting;
using Cluster.Coordinator;
using Cluster.Protocol;
using Cluster.Security;
using Cluster.Serialization;
using Cluster.Spaces;
using Cluster.Workers;
using Evaluators.Candidates;
using LinqToDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cluster.Hosting;

/// <summary>
/// What one node hosts: the coordinator of a run (if any) and its evaluator slots. OnStatus gets the
/// coordinator's status after each change, OnApplied the evaluations applied since its last call;
/// PersistenceId is the run's journal key (null: derived from the run id).
/// </summary>
public sealed record NodeRole(
    SearchSpace? Space,
    string? RunId,
    CoordinatorSettings Coordinator,
    StoreOptions Store,
    Action<StatusReport>? OnStatus,
    int Workers,
    Func<int, ICandidateEvaluator>? Evaluator,
    WorkerSettings WorkerSettings,
    Action<IReadOnlyList<Search.Engine.ArchiveEntry>>? OnApplied = null,
    string? PersistenceId = null);

/// <summary>
/// Builds the Akka.Hosting host of one node: remoting, clustering (<see cref="ClusterFormation"/>), the MessagePack serializer bound
/// to <see cref="IClusterMessage"/>, persistence (SQLite, PostgreSQL or in-memory), the
/// coordinator singleton (with its proxy), the evaluator workers and, when asked for, the health probes.
/// </summary>
public static class SearchNode
{
    public const string SingletonName = "search-coordinator";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Warned = new();

    public static IHost Build(NodeOptions node, NodeRole role)
    {
        // Once per process and address: a worker node that joins again (JoinAsWorker) builds its host anew.
        if (ListenWarning.For(node) is { } warning && Warned.TryAdd(warning, 0)) Console.Error.WriteLine(warning);
        var health = new NodeHealth();
        var builder = new HostBuilder().ConfigureServices(services =>
        {
            services.AddSingleton<IHostLifetime, PassiveLifetime>();
            services.AddAkka(node.SystemName, akka => Configure(akka, node, role, health));
        });
        if (node.HealthPort > 0) HealthEndpoint.AddTo(builder, node.HealthPort, health);
        return builder.Build();
    }

    // Split brain: the side with the oldest coordinator-role node (the run's coordinator) stays, even
    // alone; workers cut off from it down themselves and join again (SearchRunner.JoinAsWorker). Under
    // keep-majority a coordinator left with one dead worker could be the side that goes, ending the run.
    private static void Configure(AkkaConfigurationBuilder akka, NodeOptions node, NodeRole role, NodeHealth health)
    {
        akka.AddHocon($$"""
            akka.loglevel = {{node.LogLevel}}
            akka.stdout-loglevel = {{node.LogLevel}}
            akka.actor.serialize-messages = {{(node.SerializeMessages ? "on" : "off")}}
            akka.actor.serialize-creators = off
            akka.cluster.log-info = off
            akka.cluster.periodic-tasks-initial-delay = 200ms
            akka.cluster.singleton.hand-over-retry-interval = 200ms
            akka.cluster.downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
            akka.cluster.split-brain-resolver.active-strategy = keep-oldest
            akka.cluster.split-brain-resolver.keep-oldest.role = {{NodeOptions.CoordinatorRole}}
            akka.cluster.split-brain-resolver.keep-oldest.down-if-alone = off
            """, HoconAddMode.Prepend);
        akka.WithCustomSerializer("search-msgpack", [typeof(IClusterMessage)], system => new ProtocolSerializer(system));
        akka.WithRemoting(Remoting(node));
        ClusterFormation.Configure(akka, node);
        if (node.HealthPort > 0) akka.AddStartup((system, _) => health.Started(system));

        ConfigureStore(akka, role.Store);
        // Akka.NET 1.5.73's proxy starts its identification-failure timer with no initial delay, so it logs
        // "failed to find an associated singleton ... after 30 seconds" at once, at every start and stop, even
        // when the singleton answers in milliseconds. Off; the coordinator's own notice says when no evaluator
        // slot reaches it (WorkerPresence).
        var singleton = new ClusterSingletonOptions
        {
            Role = NodeOptions.CoordinatorRole, SingletonIdentificationInterval = TimeSpan.FromMilliseconds(200), LogSingletonIdentificationFailure = false,
        };
        if (role.Space is { } space)
        {
            string runId = role.RunId ?? throw new ArgumentException("a node that hosts a run needs its run id");
            akka.WithSingleton<CoordinatorKey>(SingletonName, CoordinatorActor.Props(space, runId, role.Coordinator, role.OnStatus, role.OnApplied, role.PersistenceId), singleton, createProxyToo: true);
        }
        else akka.WithSingletonProxy<CoordinatorKey>(SingletonName, singleton);

        if (role.Workers > 0)
        {
            var evaluator = role.Evaluator ?? throw new ArgumentException("a node with workers needs an evaluator");
            akka.WithActors((system, registry) =>
            {
                var coordinator = registry.Get<CoordinatorKey>();
                for (int slot = 0; slot < role.Workers; slot++)
                    system.ActorOf(EvaluatorWorker.Props(coordinator, evaluator(slot), role.WorkerSettings), $"evaluator-{slot}");
            });
        }
    }

    /// <summary>
    /// Remoting over DotNetty; with TLS, mutual: each end presents its certificate and accepts the
    /// other's only if it chains to the cluster CA (Akka.Hosting turns this into a DotNettySslSetup).
    /// </summary>
    private static RemoteOptions Remoting(NodeOptions node)
    {
        var remote = new RemoteOptions { HostName = node.Hostname, PublicHostName = node.PublicHostname, Port = node.Port };
        if (node.Tls is { } tls)
        {
            remote.EnableSsl = true;
            remote.Ssl = new SslOptions
            {
                X509Certificate = tls.Certificate,
                SuppressValidation = false,
                RequireMutualAuthentication = true,
                ValidateCertificateHostname = false, // nodes are known by certificate, not by the address they were reached at
                CustomValidator = PeerValidation.SignedBy(tls.Authority),
            };
        }
        return remote;
    }

    private static void ConfigureStore(AkkaConfigurationBuilder akka, StoreOptions store)
    {
        switch (store)
        {
            case StoreOptions.Sqlite s:
                SqliteJournalFile.Prepare(s.Path);
                akka.WithSqlPersistence(
                    new Akka.Persistence.Sql.Hosting.SqlJournalOptions(isDefaultPlugin: true) { AutoInitialize = true, DataOptions = SqliteJournalFile.JournalOptions(s.Path) },
                    new Akka.Persistence.Sql.Hosting.SqlSnapshotOptions(isDefaultPlugin: true) { AutoInitialize = true, DataOptions = SqliteJournalFile.SnapshotOptions(s.Path) });
                break;
            case StoreOptions.PostgreSql p:
                akka.WithSqlPersistence(p.ConnectionString, ProviderName.PostgreSQL15, autoInitialize: true);
                break;
            default:
                akka.WithInMemoryJournal().WithInMemorySnapshotStore();
                break;
        }
    }
}
