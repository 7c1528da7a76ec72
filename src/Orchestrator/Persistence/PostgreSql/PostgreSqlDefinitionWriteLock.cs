using Microsoft.EntityFrameworkCore;

namespace Itsm.Orchestrator.Persistence.PostgreSql;

/// <summary>
/// <see cref="IDefinitionWriteLock"/> for PostgreSQL: a transaction-scoped advisory lock per definition id, taken
/// in ordinal order so two saves of overlapping batches cannot deadlock. Without it, ten concurrent saves of one
/// definition could each lose the unique "one latest" race more often than a bounded retry allows (seen in CI).
/// </summary>
internal sealed class PostgreSqlDefinitionWriteLock : IDefinitionWriteLock
{
    /// <summary>Separates these keys from the instance locks', which hash with seed 0.</summary>
    private const long KeySeed = 1_014;

    public async Task EnterAsync(ItsmDbContext context, IReadOnlyCollection<string> definitionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(definitionIds);
        foreach (var id in definitionIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await context.Database
                .ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({id}, {KeySeed}))", cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
