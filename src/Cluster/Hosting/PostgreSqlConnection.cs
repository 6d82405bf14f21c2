using System.Text.RegularExpressions;
using Npgsql;

namespace Cluster.Hosting;

/// <summary>
/// PostgreSQL connection strings as the user gives them: parsed and checked before a run writes
/// anything, and shown only without their password.
/// </summary>
public static partial class PostgreSqlConnection
{
    /// <summary>Where the connection string comes from when no option gives one: keeps the password off command lines.</summary>
    public const string EnvironmentVariable = "SEARCH_POSTGRES";

    private const string Expected = "key=value pairs such as Host=db;Port=5432;Username=search;Password=...;Database=search";

    /// <param name="origin">Where the value came from, for the error (an option or the environment variable).</param>
    /// <exception cref="StoreUnavailableException">Not a connection string Npgsql accepts, or one without a host.</exception>
    public static StoreOptions.PostgreSql Parse(string value, string origin)
    {
        NpgsqlConnectionStringBuilder builder;
        try { builder = new NpgsqlConnectionStringBuilder(value); }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            throw new StoreUnavailableException($"{origin} '{Mask(value)}' is not a PostgreSQL connection string ({e.Message.TrimEnd('.')}); expected {Expected}");
        }
        if (string.IsNullOrWhiteSpace(builder.Host))
            throw new StoreUnavailableException($"{origin} '{Redact(value)}' names no server; expected {Expected}");
        return new StoreOptions.PostgreSql(value);
    }

    /// <summary>The connection string without its password (for run.json, logs and errors).</summary>
    public static string Redact(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Password = null };
            return builder.ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            return Mask(connectionString);
        }
    }

    /// <summary>Opens and closes one connection, so a run stops before it writes anything when the server cannot serve it.</summary>
    /// <exception cref="StoreUnavailableException">The server is unreachable, refuses the credentials or lacks the database.</exception>
    public static async Task EnsureReachable(StoreOptions.PostgreSql store, CancellationToken cancel)
    {
        try
        {
            await using var connection = new NpgsqlConnection(store.ConnectionString);
            await connection.OpenAsync(cancel);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or ArgumentException or InvalidOperationException)
        {
            throw new StoreUnavailableException(
                $"cannot use PostgreSQL at '{store.Redacted}': {e.Message.ReplaceLineEndings(" ").TrimEnd('.')}; expected a running server that accepts these credentials and holds the database");
        }
    }

    // For strings Npgsql cannot parse: whatever follows a password key is hidden.
    private static string Mask(string value) => PasswordValue().Replace(value, "$1=***");

    [GeneratedRegex(@"(password|pwd)\s*=\s*[^;]*", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordValue();
}
