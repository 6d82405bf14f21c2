namespace Cluster.Hosting;

/// <summary>Where the coordinator's journal and snapshots live.</summary>
public abstract record StoreOptions
{
    /// <summary>Default: a SQLite file in the run directory (<c>&lt;run&gt;/store.db</c>).</summary>
    public sealed record Sqlite(string Path) : StoreOptions;
    /// <summary>A shared PostgreSQL database (provider PostgreSQL.15, Npgsql). Configuration only: not exercised by the tests here.</summary>
    public sealed record PostgreSql(string ConnectionString) : StoreOptions;
    /// <summary>Akka's in-memory journal: tests only (lost with the process).</summary>
    public sealed record InMemory : StoreOptions;
}
