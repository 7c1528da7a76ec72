using Npgsql;

namespace Itsm.Orchestrator.Tests.MultiNode;

/// <summary>
/// A fresh database of its own on the test PostgreSQL cluster (<c>ITSM_TEST_POSTGRES</c>, by default the shared
/// loopback cluster <c>Host=127.0.0.1;Port=55432;Username=postgres</c>), dropped afterwards. PostgreSQL missing is a
/// failure, never a skip: several nodes on one database is exactly what these tests are for.
/// </summary>
/// <remarks>Kept self-contained so it can move into the provider-aware test support when that lands.</remarks>
public sealed class PostgreSqlTestDatabase : IAsyncDisposable
{
    private const string DefaultServer = "Host=127.0.0.1;Port=55432;Username=postgres";
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
        var database = new PostgreSqlTestDatabase(server, "h_sync_" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await database.ExecuteOnServerAsync($"CREATE DATABASE \"{database.Name}\"");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"These multi-node tests need PostgreSQL at '{server}' (set ITSM_TEST_POSTGRES, or start one with scripts/postgres-cluster.sh start).", ex);
        }
        return database;
    }

    /// <summary>A pooled data source on this database: one per simulated node, as each host has its own pool.</summary>
    public NpgsqlDataSource NewDataSource() => NpgsqlDataSource.Create(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
