using Microsoft.EntityFrameworkCore;

namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// Serializes saves of one definition's versions inside the save's transaction, so two saves never both read the
/// old "latest" version. Each provider brings its own: SQLite's write transaction already serializes writers,
/// PostgreSQL takes a transaction-scoped advisory lock per definition id.
/// </summary>
public interface IDefinitionWriteLock
{
    /// <summary>Waits for the lock on every id in <paramref name="definitionIds"/>; released when the transaction ends.</summary>
    Task EnterAsync(ItsmDbContext context, IReadOnlyCollection<string> definitionIds, CancellationToken cancellationToken);
}
