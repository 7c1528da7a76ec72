namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// The provider's steps around the migrations at start-up (<see cref="DatabaseInitializer"/>): SQLite creates its
/// private file and switches it to WAL; PostgreSQL takes a lock so that of several hosts starting together one
/// migrates and the others wait for it.
/// </summary>
public interface IDatabaseSetup
{
    /// <summary>Where the data lives, for the log and <c>/health</c> (never with a password).</summary>
    string Describe();

    /// <summary>Runs before the migrations; the result is disposed after <see cref="AfterMigrationsAsync"/>.</summary>
    Task<IAsyncDisposable> BeforeMigrationsAsync(CancellationToken cancellationToken);

    Task AfterMigrationsAsync(CancellationToken cancellationToken);
}
