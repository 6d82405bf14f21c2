using Akka.Actor;
using Cluster.Protocol;
using Cluster.Protocol.Data;
using Evaluators.Candidates;
using Search.Core;
using Search.Rejection;

namespace Cluster.Workers;

/// <summary>
/// The evaluator's view of the coordinator's equivalence cache. Called on the evaluation thread
/// (never an actor's), so blocking on the answer is fine; no answer in time counts as a miss.
/// </summary>
internal sealed class CoordinatorLookup(IActorRef coordinator, string runId, TimeSpan timeout) : IEquivalenceLookup
{
    public bool TryGet(ProbeFingerprint fingerprint, out EvaluationResult result)
    {
        result = null!;
        try
        {
            var answer = coordinator.Ask<EquivalenceAnswer>(new EquivalenceQuery(runId, FingerprintData.From(fingerprint)), timeout).GetAwaiter().GetResult();
            if (answer.Result is null) return false;
            result = answer.Result.ToDomain();
            return true;
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
        {
            return false;
        }
    }
}
