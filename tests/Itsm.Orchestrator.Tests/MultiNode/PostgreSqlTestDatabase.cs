using Itsm.Orchestrator.Tests.Support;
using Npgsql;

namespace Itsm.Orchestrator.Tests.MultiNode;

/// <summary>
/// A fresh, empty database on the test PostgreSQL server (<see cref="TestDatabase.PostgreSqlServerConnectionString"/>: <c>ITSM_TEST_POSTGRES</c>,
/// else a private cluster of this test process), dropped afterwards. The hosts under test migrate it themselves.
/// </summary>
public sealed class PostgreSqlTestDatabase : IAsyncDisposable
{
    private readonly string _server = TestDatabase.PostgreSqlServerConnectionString;

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
