using Npgsql;

namespace Itsm.Orchestrator.Tests.MultiNode;

/// <summary>
/// A fresh PostgreSQL database for one test, dropped afterwards. The server comes from <c>ITSM_TEST_POSTGRES</c>
/// (a connection string to a maintenance database), else the private cluster of <c>scripts/postgres-cluster.sh</c>
/// on 127.0.0.1:55432. An unreachable server fails the test: PostgreSQL tests are never skipped.
/// (Kept self-contained so it can move to the shared PostgreSQL test support when that lands.)
/// </summary>
public sealed class PostgreSqlTestDatabase : IAsyncDisposable
{
    private const string DefaultServer = "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
    private readonly string _server;

    private PostgreSqlTestDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgreSqlTestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("ITSM_TEST_POSTGRES") is { Length: > 0 } configured ? configured : DefaultServer;
        var database = new PostgreSqlTestDatabase(server, "h_timers_" + Guid.NewGuid().ToString("N")[..12]);
        await database.ExecuteOnServerAsync($"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    /// <summary>Ends every session of this database but the caller's, as a crash of their process would.</summary>
    public async Task TerminateSessionsAsync(string applicationName)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND application_name = $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Name });
        command.Parameters.Add(new NpgsqlParameter { Value = applicationName });
        await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
