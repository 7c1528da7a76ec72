using Itsm.Orchestrator.Tests.Support;
using Npgsql;

namespace Itsm.Orchestrator.Tests.MultiNode;

/// <summary>
/// A fresh, empty PostgreSQL database for one multi-node test, dropped afterwards; the hosts under test migrate it
/// themselves. The server is the test server (<see cref="TestDatabase.PostgreSqlServerConnectionString"/>:
/// <c>ITSM_TEST_POSTGRES</c>, else a private cluster of this test process). PostgreSQL tests are never skipped.
/// </summary>
public sealed class PostgreSqlTestDatabase : IAsyncDisposable
{
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
        var server = new NpgsqlConnectionStringBuilder(TestDatabase.PostgreSqlServerConnectionString) { Database = "postgres" }.ConnectionString;
        var database = new PostgreSqlTestDatabase(server, "itsm_multinode_" + Guid.NewGuid().ToString("N")[..12]);
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
