using Itsm.Orchestrator.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Itsm.Orchestrator.Runtime.PostgreSql;

/// <summary>
/// A session advisory lock (<c>pg_advisory_lock</c>) on a connection of its own, outside any pool: the first node
/// seeds, the others wait and then find everything there. A node killed while seeding loses its session and the
/// lock with it.
/// </summary>
public sealed class PostgreSqlSeedingLock(IOptions<PersistenceOptions> options) : IStartupSeedingLock
{
    /// <summary>The advisory lock key of start-up seeding ("ITSMSEED" in ASCII), shared by every node of one database.</summary>
    internal const long SeedingLockKey = 0x4954534D_53454544;

    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(options.Value.PostgreSqlConnectionString)
        {
            Pooling = false,
            ApplicationName = "itsm-start-up-seeding",
        };
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = SeedingLockKey });
            // Another node's seeding (every shipped workflow file) can outlast the default 30 s on a busy server.
            command.CommandTimeout = 300;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new Held(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closing the lock's own session releases the lock; there is no pool to return it to.</summary>
    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
