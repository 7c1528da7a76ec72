using System.Globalization;
using Itsm.Activities.Itil;
using Itsm.Activities.Ports;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Itsm.Orchestrator.Records;

/// <summary>
/// <see cref="IRecordNumbers"/> on the RecordCounters table: one row per record type, incremented in its own short
/// transaction. The increment takes the row's write lock (SQLite: the IMMEDIATE transaction's database lock;
/// PostgreSQL: the row lock, and READ COMMITTED re-reads the row a waiting updater increments), so the value read back
/// in that transaction is this caller's alone, on every node. The transaction commits before the step's own commit,
/// so a step that faults leaves a gap, never a duplicate. Plain EF, so the same code serves both providers.
/// </summary>
public sealed class RecordNumbers(IDbContextFactory<ItsmDbContext> contexts, DatabaseInitializer initializer, IDatabaseErrors errors) : IRecordNumbers
{
    /// <summary>Only two creators of a type's first row can collide; the loser's retry increments the winner's row.</summary>
    private const int MaxAttempts = 3;

    public async ValueTask<string> NextAsync(string recordType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordType);
        if (!RecordTypes.NumberPrefixes.TryGetValue(recordType, out var prefix))
            throw new ArgumentException($"Record type '{recordType}' has no number prefix (known: {string.Join(", ", RecordTypes.All)}).", nameof(recordType));

        var value = await NextValueAsync(recordType, cancellationToken).ConfigureAwait(false);
        return Format(prefix, value);
    }

    /// <summary>The prefix and at least seven digits: <c>INC0001042</c>.</summary>
    public static string Format(string prefix, long value) => prefix + value.ToString("D7", CultureInfo.InvariantCulture);

    private async Task<long> NextValueAsync(string recordType, CancellationToken cancellationToken)
    {
        if (!initializer.IsInitialized) await initializer.InitializeAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await IncrementAsync(recordType, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (attempt < MaxAttempts && errors.IsUniqueViolation(exception))
            {
                // Another caller created the type's first row between our update and our insert: increment theirs.
            }
        }
    }

    private async Task<long> IncrementAsync(string recordType, CancellationToken cancellationToken)
    {
        var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var updated = await context.RecordCounters
                    .Where(c => c.RecordType == recordType)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + 1), cancellationToken).ConfigureAwait(false);
                long value;
                if (updated == 0)
                {
                    context.RecordCounters.Add(new RecordCounterEntity { RecordType = recordType, Value = 1 });
                    await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    value = 1;
                }
                else
                {
                    value = await context.RecordCounters.AsNoTracking()
                        .Where(c => c.RecordType == recordType)
                        .Select(c => c.Value)
                        .SingleAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return value;
            }
        }
    }
}
