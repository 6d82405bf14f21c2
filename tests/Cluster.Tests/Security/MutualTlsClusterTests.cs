using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Event;
using Cluster.Hosting;
using Cluster.Protocol;
using Cluster.Security;
using Cluster.TestHost;
using Cluster.Tests.MultiProcess;
using Cluster.Tests.Support;
using Cluster.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using AkkaCluster = Akka.Cluster.Cluster;

namespace Cluster.Tests.Security;

/// <summary>
/// A coordinator with mutual TLS on loopback: a node certified by the cluster CA joins and evaluates;
/// a node without TLS, with a self-signed certificate or with another CA's certificate never becomes
/// a member and gets no job, while a valid node joining after it finishes the run.
/// </summary>
[Collection("akka-runs")]
public sealed class MutualTlsClusterTests
{
    private static readonly TestCertificates Certs = new();
    /// <summary>How long a foreign node is given to get in before the valid node comes (it retries joining meanwhile).</summary>
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_node_with_a_certificate_of_the_cluster_CA_joins_and_the_run_equals_the_single_process_run()
    {
        var reference = await TestRuns.Reference();
        int port = ChildProcesses.FreePort();
        string[] seeds = [$"127.0.0.1:{port}"];
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var options = new RunOptions { RunDirectory = TestRuns.TempDir("tls-run"), Workers = 0, Node = new NodeOptions { Port = port, Tls = Certs.Coordinator } };
        var run = SearchRunner.SubmitToCluster(TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max), seeds, options, null, stop.Token);

        int evaluated = 0;
        var worker = new NodeOptions { SeedNodes = seeds, Roles = [NodeOptions.EvaluatorRole], Tls = Certs.Worker };
        var node = SearchRunner.JoinAsWorker(worker, 2, slot => Counting(slot, () => Interlocked.Increment(ref evaluated)), new WorkerSettings(), stop.Token);
        var result = await run;
        stop.Cancel();
        await node;

        Assert.True(result.Completed);
        Assert.Equal(TestRuns.Describe(reference.Status), TestRuns.Describe(result.Status));
        Assert.Equal(result.Status.Done, evaluated);
    }

    public enum Intruder { PlainTcp, SelfSigned, OtherCa }

    [Theory]
    [InlineData(Intruder.PlainTcp)]
    [InlineData(Intruder.SelfSigned)]
    [InlineData(Intruder.OtherCa)]
    public async Task A_foreign_node_is_refused_never_becomes_a_member_and_receives_no_job(Intruder intruder)
    {
        int port = ChildProcesses.FreePort();
        string[] seeds = [$"127.0.0.1:{port}"];
        var done = new TaskCompletionSource<StatusReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var coordinator = await Start(CoordinatorOptions(port, Certs.Coordinator), CoordinatorRole(s => { if (s.IsDone) done.TrySetResult(s); }));

        int intruderJobs = 0;
        await using var intruderNode = await Start(WorkerOptions(seeds, TlsOf(intruder)), WorkerRole(() => Interlocked.Increment(ref intruderJobs)));
        bool IntruderIsMember() => coordinator.Members.Contains(intruderNode.Address);

        // The intruder tries for a while alone: the coordinator is up, serving, and never admits it.
        Assert.False(await ChildProcesses.Until(IntruderIsMember, Window));

        // A certified node comes: it joins and does the whole run, the intruder still nothing.
        int workerJobs = 0;
        await using var worker = await Start(WorkerOptions(seeds, Certs.Worker), WorkerRole(() => Interlocked.Increment(ref workerJobs)));
        using var watch = new CancellationTokenSource();
        var membership = Task.Run(async () =>
        {
            while (!watch.IsCancellationRequested)
            {
                if (IntruderIsMember()) return true;
                await Task.Delay(20);
            }
            return false;
        });
        var final = await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        watch.Cancel();

        Assert.False(await membership, "the intruder became a member of the coordinator's cluster");
        Assert.Equal(0, intruderJobs);
        Assert.Equal(TestRuns.Max, final.Done);
        Assert.Equal(final.Done, workerJobs);
        Assert.Contains(worker.Address, coordinator.Members);
        Assert.NotEqual(Akka.Cluster.MemberStatus.Up, intruderNode.Cluster.SelfMember.Status);
        // With a certificate the refusal is the CA check's, logged on the coordinator; plain TCP fails the TLS handshake before any certificate.
        if (intruder != Intruder.PlainTcp)
            Assert.Contains(coordinator.Warnings, r => r.Contains("is not signed by the cluster CA"));
    }

    [Fact]
    public async Task A_certified_node_refuses_a_coordinator_whose_certificate_is_not_from_the_cluster_CA()
    {
        // The impostor accepts the node's certificate (it trusts the cluster CA) but shows one of another CA:
        // only the node's own check, on the connecting side, can keep it out.
        int port = ChildProcesses.FreePort();
        await using var impostor = await Start(CoordinatorOptions(port, new NodeTls(Certs.ForeignCaSigned, Certs.Authority)), CoordinatorRole(_ => { }));
        int jobs = 0;
        await using var worker = await Start(WorkerOptions([$"127.0.0.1:{port}"], Certs.Worker), WorkerRole(() => Interlocked.Increment(ref jobs)));

        Assert.False(await ChildProcesses.Until(() => impostor.Members.Contains(worker.Address), Window));
        Assert.Equal(0, jobs);
        Assert.Contains(worker.Warnings, r => r.Contains("is not signed by the cluster CA"));
    }

    private static NodeOptions CoordinatorOptions(int port, NodeTls tls) =>
        new() { Port = port, SeedNodes = [$"127.0.0.1:{port}"], Roles = [NodeOptions.CoordinatorRole], Tls = tls };

    private static NodeOptions WorkerOptions(string[] seeds, NodeTls? tls) => new() { SeedNodes = seeds, Roles = [NodeOptions.EvaluatorRole], Tls = tls };

    private static NodeRole CoordinatorRole(Action<StatusReport> onStatus) =>
        new(TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max), "tls-test", new(), new StoreOptions.InMemory(), onStatus, 0, null, new WorkerSettings());

    private static async Task<RunningNode> Start(NodeOptions options, NodeRole role)
    {
        var host = SearchNode.Build(options, role);
        await host.StartAsync();
        return new RunningNode(host);
    }

    /// <summary>A started node: its cluster view and the warnings it logged (TLS refusals among them); stopped on dispose.</summary>
    private sealed class RunningNode : IAsyncDisposable
    {
        private readonly IHost _host;
        private readonly ConcurrentQueue<string> _warnings = new();

        public RunningNode(IHost host)
        {
            _host = host;
            var system = host.Services.GetRequiredService<ActorSystem>();
            Cluster = AkkaCluster.Get(system);
            system.EventStream.Subscribe(system.ActorOf(Props.Create(() => new WarningCollector(_warnings))), typeof(Warning));
        }

        public AkkaCluster Cluster { get; }
        public Address Address => Cluster.SelfAddress;
        public IReadOnlyList<Address> Members => [.. Cluster.State.Members.Select(m => m.Address)];
        public IEnumerable<string> Warnings => _warnings;

        public async ValueTask DisposeAsync()
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }

    /// <summary>The intruder's TLS: its own bad certificate, but it trusts the cluster CA, so only the coordinator's check can stop it.</summary>
    private static NodeTls? TlsOf(Intruder intruder) => intruder switch
    {
        Intruder.PlainTcp => null,
        Intruder.SelfSigned => new NodeTls(Certs.SelfSigned, Certs.Authority),
        Intruder.OtherCa => new NodeTls(Certs.ForeignCaSigned, Certs.Authority),
        _ => throw new ArgumentOutOfRangeException(nameof(intruder)),
    };

    private static NodeRole WorkerRole(Action evaluated) =>
        new(null, null, new(), new StoreOptions.InMemory(), null, 1, slot => Counting(slot, evaluated), new WorkerSettings());

    private static ScriptedEvaluator Counting(int slot, Action evaluated) => new(new FakeEvaluator((ulong)slot, 0), (_, _) => evaluated());

    private sealed class WarningCollector : ReceiveActor
    {
        public WarningCollector(ConcurrentQueue<string> messages) => Receive<Warning>(w => messages.Enqueue(w.Message?.ToString() ?? ""));
    }
}
