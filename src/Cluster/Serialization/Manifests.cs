using Cluster.Protocol;
using Cluster.Protocol.Journal;

namespace Cluster.Serialization;

/// <summary>
/// Stable short names for every protocol type. Persisted rows keep the manifest, so a name here
/// must never change or be reused; renaming a CLR type only changes the right-hand side.
/// </summary>
public static class Manifests
{
    private static readonly (string Name, Type Type)[] Table =
    [
        ("rw", typeof(RequestWork)),
        ("job", typeof(Job)),
        ("nw", typeof(NoWorkYet)),
        ("jr", typeof(JobResult)),
        ("ack", typeof(ResultAck)),
        ("jf", typeof(JobFailed)),
        ("eq", typeof(EquivalenceQuery)),
        ("ea", typeof(EquivalenceAnswer)),
        ("gs", typeof(GetStatus)),
        ("st", typeof(StatusReport)),
        ("ev-result", typeof(ResultRecorded)),
        ("ev-lost", typeof(JobLost)),
        ("snap-coord", typeof(CoordinatorSnapshot)),
        ("rjs", typeof(RequestJobs)),
        ("jobs", typeof(JobBatch)),
        ("jrs", typeof(ResultBatch)),
        ("acks", typeof(ResultAcks)),
        ("ev-results", typeof(ResultsRecorded)),
    ];

    private static readonly Dictionary<Type, string> ByType = Table.ToDictionary(e => e.Type, e => e.Name);
    private static readonly Dictionary<string, Type> ByName = Table.ToDictionary(e => e.Name, e => e.Type, StringComparer.Ordinal);

    public static IReadOnlyCollection<Type> Types => ByType.Keys;

    public static string Of(Type type) => ByType.TryGetValue(type, out var name) ? name
        : throw new ArgumentException($"{type} has no manifest: add it to {nameof(Manifests)}", nameof(type));

    public static Type TypeOf(string manifest) => ByName.TryGetValue(manifest, out var type) ? type
        : throw new ArgumentException($"unknown manifest '{manifest}' (stored by a newer version?)", nameof(manifest));
}
