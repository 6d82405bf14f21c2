using Npgsql;

namespace Cluster.Tests.Support;

/// <summary>
/// The PostgreSQL server of the store tests: $SEARCH_TEST_POSTGRES (set by .ci/run from .ci/postgres),
/// else the role and database .ci/postgres creates on this machine. Each test takes a database of its own.
/// </summary>
public static class PostgreSqlServer
{
    public const string EnvironmentVariable = "SEARCH_TEST_POSTGRES";
    private const string Local = "Host=127.0.0.1;Port=5432;Username=search_test;Password=search-test-secret;Database=search_test";

    public static string ConnectionString { get; } = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given ? given : Local;

    private static readonly Lazy<string?> Unreachable = new(() =>
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Timeout = 5 };
        }
        catch (ArgumentException e)
        {
            // A misconfiguration, not an absent server: fail every PostgreSQL test with this rather than skip.
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not a PostgreSQL connection string ({e.Message.Split('\n')[0].TrimEnd('.')}); expected one line like '{Local.Replace("search-test-secret", "...")}'", e);
        }
        try
        {
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            builder.Password = null;
            builder.Remove("Timeout");
            string where = builder.ConnectionString;
            return $"no PostgreSQL server at '{where}' ({e.Message.TrimEnd('.')}); run .ci/postgres as root or set {EnvironmentVariable}";
        }
    });

    /// <summary>Null when the server answers; else why not, with how to start one.</summary>
    public static string? Missing => Unreachable.Value;
}

/// <summary>A fact that is skipped, saying why, only when no PostgreSQL server is reachable.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (PostgreSqlServer.Missing is { } why) Skip = why;
    }
}

/// <summary>A database created for one test and dropped after it, so its journals start empty every time.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name, string connectionString) => (Name, ConnectionString) = (name, connectionString);

    public string Name { get; }
    /// <summary>The server's connection string pointed at this database (with the password).</summary>
    public string ConnectionString { get; }

    public static async Task<TestDatabase> Create()
    {
        string name = $"search_test_{Guid.NewGuid():N}";
        await Execute($"CREATE DATABASE \"{name}\"");
        return new TestDatabase(name, new NpgsqlConnectionStringBuilder(PostgreSqlServer.ConnectionString) { Database = name }.ConnectionString);
    }

    /// <summary>The single value of <paramref name="sql"/> run in this database.</summary>
    public async Task<T> Scalar<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Execute($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgreSqlServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
