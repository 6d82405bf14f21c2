using Cluster.Runs;

namespace Cluster.Hosting;

/// <summary>
/// Where the coordinator's journal and snapshots live. SQLite in the run directory is the default;
/// PostgreSQL lets runs keep their journals in one shared server (each run under a persistence id
/// of its own, recorded in run.json). run.json records <see cref="Describe"/>, never a password.
/// </summary>
public abstract record StoreOptions
{
    public const string SqliteKind = "sqlite";
    public const string PostgreSqlKind = "postgresql";
    public const string InMemoryKind = "in-memory";

    /// <summary>What run.json's "Store" says: the kind, for SQLite with its file.</summary>
    public abstract string Describe();

    /// <summary>Default: a SQLite file in the run directory (<c>&lt;run&gt;/store.db</c>).</summary>
    public sealed record Sqlite(string Path) : StoreOptions
    {
        public override string Describe() => $"{SqliteKind}:{RunDirectory.StoreName}";
    }

    /// <summary>
    /// A PostgreSQL database (Akka.Persistence.Sql, provider PostgreSQL.15, Npgsql); its tables are
    /// created on first use. Build it with <see cref="PostgreSqlConnection.Parse"/>.
    /// </summary>
    public sealed record PostgreSql(string ConnectionString) : StoreOptions
    {
        /// <summary>The connection string without its password: what run.json, logs and errors show.</summary>
        public string Redacted => PostgreSqlConnection.Redact(ConnectionString);

        public override string Describe() => PostgreSqlKind;

        // The record's generated ToString would print the password.
        public override string ToString() => $"PostgreSql {{ {Redacted} }}";
    }

    /// <summary>Akka's in-memory journal: tests only (lost with the process).</summary>
    public sealed record InMemory : StoreOptions
    {
        public override string Describe() => InMemoryKind;
    }
}
