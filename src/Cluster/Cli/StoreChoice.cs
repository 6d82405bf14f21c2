using System.CommandLine;
using Cluster.Hosting;
using Cluster.Runs;

namespace Cluster.Cli;

/// <summary>
/// `--store` and `--store-connection` of `run` and `resume`: SQLite in the run directory by default,
/// PostgreSQL on request. The connection string comes from the option or, so that no password sits in
/// a command line, from <see cref="PostgreSqlConnection.EnvironmentVariable"/>.
/// </summary>
public static class StoreChoice
{
    private const string ConnectionName = "--store-connection";

    public static Option<string?> Kind()
    {
        var option = new Option<string?>("--store")
        {
            HelpName = $"{StoreOptions.SqliteKind}|{StoreOptions.PostgreSqlKind}",
            Description = $"where the run's journal lives: {StoreOptions.SqliteKind} (default: <run>/{RunDirectory.StoreName}) or {StoreOptions.PostgreSqlKind} " +
                $"({ConnectionName} or ${PostgreSqlConnection.EnvironmentVariable})",
        };
        // One line naming the value, as the range checks do (AcceptOnlyFromAmong lists the choices over several lines).
        option.Validators.Add(r =>
        {
            if (OptionRanges.TryValue(r, out string? kind) && kind is not (StoreOptions.SqliteKind or StoreOptions.PostgreSqlKind))
                r.AddError($"--store {kind}: expected {StoreOptions.SqliteKind} or {StoreOptions.PostgreSqlKind}");
        });
        return option;
    }

    public static Option<string?> Connection() => new(ConnectionName)
    {
        Description = $"PostgreSQL connection string (default: ${PostgreSqlConnection.EnvironmentVariable}, the place for one with a password)",
    };

    /// <summary>The store of a new run: PostgreSQL when asked for by kind or by a connection string, else null (SQLite).</summary>
    /// <exception cref="StoreUnavailableException">PostgreSQL without a connection string, a bad one, or a connection string beside --store sqlite.</exception>
    public static StoreOptions? ForRun(string? kind, string? connection)
    {
        if (kind == StoreOptions.SqliteKind)
            return connection is null ? null : throw new StoreUnavailableException($"{ConnectionName} is for --store {StoreOptions.PostgreSqlKind}, not --store {StoreOptions.SqliteKind}");
        if (kind is null && connection is null) return null;
        return PostgreSql(connection, $"--store {StoreOptions.PostgreSqlKind}");
    }

    /// <summary>The store to resume <paramref name="run"/> from, of the kind its run.json names (null: its SQLite file).</summary>
    /// <exception cref="StoreUnavailableException">A PostgreSQL run without a connection string, a bad one, or one given for a SQLite run.</exception>
    public static StoreOptions? ForResume(RunRecord run, string? connection)
    {
        if (run.Info.StoreKind != StoreOptions.PostgreSqlKind)
            return connection is null ? null : throw new StoreUnavailableException($"{ConnectionName}: run {run.Info.RunId} keeps its journal in {run.Info.Store}, not in PostgreSQL");
        return PostgreSql(connection, $"run {run.Info.RunId} keeps its journal in PostgreSQL ('{run.Info.StoreConnection}'); it");
    }

    /// <param name="who">Who needs the connection string, for the error when there is none.</param>
    private static StoreOptions.PostgreSql PostgreSql(string? connection, string who)
    {
        if (connection is not null) return PostgreSqlConnection.Parse(connection, ConnectionName);
        string? env = Environment.GetEnvironmentVariable(PostgreSqlConnection.EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(env))
            throw new StoreUnavailableException($"{who} needs a connection string: give {ConnectionName} or set {PostgreSqlConnection.EnvironmentVariable}");
        return PostgreSqlConnection.Parse(env, PostgreSqlConnection.EnvironmentVariable);
    }
}
