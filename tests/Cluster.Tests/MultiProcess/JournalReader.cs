using Cluster.Protocol.Journal;
using Cluster.Serialization;
using MessagePack;
using Microsoft.Data.Sqlite;

namespace Cluster.Tests.MultiProcess;

/// <summary>Reads a finished run's SQLite journal (store.db) directly: the events the coordinator persisted, decoded by manifest.</summary>
public static class JournalReader
{
    public static (List<ResultRecorded> Results, List<JobLost> Lost) Read(string storeFile)
    {
        var results = new List<ResultRecorded>();
        var lost = new List<JobLost>();
        using var connection = new SqliteConnection($"Data Source={storeFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT manifest, message FROM journal ORDER BY sequence_number";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string manifest = reader.GetString(0);
            var bytes = (byte[])reader.GetValue(1);
            object e = MessagePackSerializer.Deserialize(Manifests.TypeOf(manifest), bytes, ProtocolSerializer.Options)!;
            if (e is ResultRecorded r) results.Add(r);
            else if (e is ResultsRecorded group) results.AddRange(group.Results);
            else if (e is JobLost l) lost.Add(l);
        }
        return (results, lost);
    }
}
