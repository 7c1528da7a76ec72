using Npgsql;

namespace Itsm.Orchestrator.Tests.MultiNode;

/// <summary>
/// A fresh, empty database on the test PostgreSQL server (<c>ITSM_TEST_POSTGRES</c>, else the private cluster of
/// <c>scripts/postgres-cluster.sh</c> on port 55432), dropped afterwards. The hosts under test migrate it themselves.
/// </summary>
public sealed class PostgreSqlTestDatabase : IAsyncDisposable
{
    private readonly string _server = Environment.GetEnvironmentVariable("ITSM_TEST_POSTGRES") is { Length: > 0 } configured
        ? configured
        : "Host=127.0.0.1;Port=55432;Username=postgres";

    public string Name { get; } = "itsm_multinode_" + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = Name }.ConnectionString;

    public async Task CreateAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres" }.ConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException(
                "These tests need PostgreSQL: install it (apt-get install postgresql) and start a test cluster with " +
                "scripts/postgres-cluster.sh start, or set ITSM_TEST_POSTGRES to a server's connection string.", ex);
        }
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
