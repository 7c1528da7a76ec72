namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary><see cref="IDefinitionWriteLock"/> for SQLite: the save's IMMEDIATE transaction already holds the one write lock.</summary>
internal sealed class SqliteDefinitionWriteLock : IDefinitionWriteLock
{
    public Task EnterAsync(ItsmDbContext context, IReadOnlyCollection<string> definitionIds, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
