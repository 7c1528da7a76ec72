using Itsm.Orchestrator.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// Prepares the database: the provider's set-up (<see cref="IDatabaseSetup"/>) around the pending migrations.
/// Runs once per process, whoever asks first: the host (as a hosted service, registered by
/// <see cref="PersistenceServiceCollectionExtensions.AddItsmPersistence"/>) or the stores on their first
/// use, so no start-up ordering between hosted services can reach an unmigrated database.
/// </summary>
public sealed partial class DatabaseInitializer(
    IDatabaseSetup setup,
    IDbContextFactory<ItsmDbContext> contextFactory,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    private readonly Lock _gate = new();
    private Task? _initialization;

    /// <summary>True once the database is ready; lets callers skip the await on the hot path.</summary>
    public bool IsInitialized => _initialization is { IsCompletedSuccessfully: true };

    /// <summary>Initializes the database once; concurrent and later calls share (or reuse) the first run.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        Task initialization;
        lock (_gate)
        {
            // A failed or cancelled attempt is retried by the next caller instead of being cached forever.
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                // The shared run ignores the caller's token: one caller giving up must not cancel it for the others.
                _initialization = Task.Run(() => RunAsync(CancellationToken.None), CancellationToken.None);
            }

            initialization = _initialization;
        }

        return initialization.IsCompleted ? initialization : initialization.WaitAsync(cancellationToken);
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var where = setup.Describe();
        var hold = await setup.BeforeMigrationsAsync(cancellationToken).ConfigureAwait(false);
        await using (hold.ConfigureAwait(false))
        {
            var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (context.ConfigureAwait(false))
            {
                var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
                if (pending.Count > 0)
                {
                    LogApplyingMigrations(logger, pending.Count, where);
                    await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await setup.AfterMigrationsAsync(cancellationToken).ConfigureAwait(false);
        }

        LogReady(logger, where);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {MigrationCount} migration(s) to {Database}")]
    private static partial void LogApplyingMigrations(ILogger logger, int migrationCount, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} is ready")]
    private static partial void LogReady(ILogger logger, string database);
}
