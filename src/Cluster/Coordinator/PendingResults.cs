using Akka.Actor;
using Cluster.Protocol;
using Cluster.Protocol.Journal;

namespace Cluster.Coordinator;

/// <summary>
/// Group commit of results: new results wait here until the journal write in progress ends, then
/// go out together in the next one. Whoever sent a result (and whoever sent it again meanwhile)
/// is acknowledged only once its event is stored and applied, so no ack ever precedes its write.
/// </summary>
internal sealed class PendingResults
{
    private readonly List<ResultRecorded> _queued = new();
    // Proposal id -> the senders to acknowledge once stored (Batched: they asked with ResultBatch and get ResultAcks).
    private readonly Dictionary<long, List<(IActorRef Sender, bool Batched)>> _waiting = new();
    private readonly Dictionary<IActorRef, List<long>> _batchAcks = new();

    /// <summary>True while a write is in progress (new results queue for the next one).</summary>
    public bool Writing { get; private set; }

    /// <summary>Writes started and completed so far.</summary>
    public long Started { get; private set; }
    public long Completed { get; private set; }

    /// <summary>The write after which every result received so far is stored.</summary>
    public long StoresAllSoFar => Started + (_queued.Count > 0 ? 1 : 0);

    public bool Holds(long proposalId) => _waiting.ContainsKey(proposalId);

    /// <summary>A new result to store; its sender is acknowledged after the write.</summary>
    public void Add(ResultRecorded e, IActorRef sender, bool batched)
    {
        _queued.Add(e);
        _waiting[e.ProposalId] = [(sender, batched)];
    }

    /// <summary>The same result again (a resend) while the first is not stored yet: acknowledge this sender too.</summary>
    public void AlsoWaiting(long proposalId, IActorRef sender, bool batched)
    {
        var list = _waiting[proposalId];
        if (!list.Contains((sender, batched))) list.Add((sender, batched));
    }

    /// <summary>The queued events as one write, or null when nothing waits or a write is in progress.</summary>
    public ResultRecorded[]? StartWrite()
    {
        if (Writing || _queued.Count == 0) return null;
        var events = _queued.ToArray();
        _queued.Clear();
        Writing = true;
        Started++;
        return events;
    }

    /// <summary>An event of the write is stored and applied: single-result senders are acknowledged now, batch senders at the end.</summary>
    public void Stored(long proposalId)
    {
        if (!_waiting.Remove(proposalId, out var senders)) return;
        foreach (var (sender, batched) in senders)
        {
            if (!batched) sender.Tell(new ResultAck(proposalId, Duplicate: false));
            else if (_batchAcks.TryGetValue(sender, out var ids)) ids.Add(proposalId);
            else _batchAcks[sender] = [proposalId];
        }
    }

    /// <summary>The whole write is stored: one ResultAcks per batch sender.</summary>
    public void WriteDone()
    {
        foreach (var (sender, ids) in _batchAcks) sender.Tell(new ResultAcks(ids.ToArray()));
        _batchAcks.Clear();
        Writing = false;
        Completed++;
    }
}
