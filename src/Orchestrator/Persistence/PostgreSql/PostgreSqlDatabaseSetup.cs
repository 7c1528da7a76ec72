using Npgsql;

namespace Itsm.Orchestrator.Persistence.PostgreSql;

/// <summary>
/// Several hosts may start together on one database: the first takes a session advisory lock and migrates, the
/// others wait on the lock and then find nothing pending. A host killed while migrating loses its session, and the
/// lock with it; the migration itself is transactional.
/// </summary>
internal sealed class PostgreSqlDatabaseSetup(NpgsqlDataSource dataSource) : IDatabaseSetup
{
    /// <summary>The advisory lock key of Itsm's start-up ("ITSM" in ASCII), shared by every node of one database.</summary>
    internal const long StartupLockKey = 0x4954534D;

    public string Describe()
    {
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return $"PostgreSQL {settings.Host}:{settings.Port}/{settings.Database}";
    }

    public async Task<IAsyncDisposable> BeforeMigrationsAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = StartupLockKey });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task AfterMigrationsAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed class StartupLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = StartupLockKey });
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            finally
            {
                // Closing the session releases the lock even if the unlock failed.
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
