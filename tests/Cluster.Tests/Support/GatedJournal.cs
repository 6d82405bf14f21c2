using System.Collections.Immutable;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace Cluster.Tests.Support;

/// <summary>
/// An in-memory journal whose writes wait until the test lets them through, one per
/// <see cref="Release"/>, and that records how many results each write carried (a group event counts its results).
/// One actor system at a time may use it (the gate is static: Akka creates the journal itself).
/// </summary>
public sealed class GatedJournal : MemoryJournal
{
    private static SemaphoreSlim _gate = new(0);
    private static readonly List<int> Writes = new();

    public static string Config => """
        akka.persistence.journal.plugin = "akka.persistence.journal.gated"
        akka.persistence.journal.gated.class = "Cluster.Tests.Support.GatedJournal, Cluster.Tests"
        akka.persistence.journal.gated.plugin-dispatcher = "akka.actor.default-dispatcher"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """;

    public static void Reset()
    {
        _gate = new SemaphoreSlim(0);
        lock (Writes) Writes.Clear();
    }

    /// <summary>Lets the next write (waiting or to come) be stored.</summary>
    public static void Release() => _gate.Release();

    /// <summary>Results per completed write, in order.</summary>
    public static int[] Completed { get { lock (Writes) return Writes.ToArray(); } }

    private static int ResultsIn(IPersistentRepresentation p) => p.Payload is Cluster.Protocol.Journal.ResultsRecorded group ? group.Results.Length : 1;

    protected override async Task<IImmutableList<Exception>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        var writes = messages.ToArray();
        await _gate.WaitAsync(cancellationToken);
        var result = await base.WriteMessagesAsync(writes, cancellationToken);
        lock (Writes) Writes.Add(writes.Sum(w => ((IImmutableList<IPersistentRepresentation>)w.Payload).Sum(ResultsIn)));
        return result;
    }
}
