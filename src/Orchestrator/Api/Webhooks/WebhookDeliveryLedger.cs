using Itsm.Orchestrator.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Itsm.Orchestrator.Api.Webhooks;

/// <summary>A reservation for an idempotency key: the instance it names, and whether this call made it.</summary>
public readonly record struct WebhookReservation(string InstanceId, bool IsNew);

/// <summary>
/// Remembers <c>Idempotency-Key</c>s per route in the WebhookDeliveries table. A key is reserved, with the id the
/// instance will get, <em>before</em> the instance starts: the table's unique key settles two simultaneous
/// deliveries (one insert wins, the other reads the winner's id), and a delivery that crashed after reserving
/// leaves the id behind for the redelivery to start under. A reservation older than the window is replaced.
/// </summary>
public sealed class WebhookDeliveryLedger(IDbContextFactory<ItsmDbContext> contexts)
{
    public async Task<WebhookReservation> ReserveAsync(string route, string key, string candidateInstanceId, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        var at = now.UtcTicks;
        var cutoff = (now - window).UtcTicks;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        // One statement: insert, or take over an expired reservation; a live one is left alone.
        await context.Database.ExecuteSqlAsync($"""
            INSERT INTO "WebhookDeliveries" ("Route", "Key", "InstanceId", "ReceivedAt") VALUES ({route}, {key}, {candidateInstanceId}, {at})
            ON CONFLICT ("Route", "Key") DO UPDATE SET "InstanceId" = excluded."InstanceId", "ReceivedAt" = excluded."ReceivedAt"
            WHERE "WebhookDeliveries"."ReceivedAt" < {cutoff}
            """, cancellationToken).ConfigureAwait(false);
        var reserved = await context.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Route == route && d.Key == key)
            .Select(d => d.InstanceId)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? candidateInstanceId;
        return new WebhookReservation(reserved, string.Equals(reserved, candidateInstanceId, StringComparison.Ordinal));
    }

    /// <summary>The instance a live reservation names, without reserving anything (null: none, or expired).</summary>
    public async Task<string?> FindAsync(string route, string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        var cutoff = (now - window).UtcTicks;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Route == route && d.Key == key && d.ReceivedAt >= cutoff)
            .Select(d => d.InstanceId)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes up to <paramref name="batchSize"/> reservations received before <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken)
    {
        var ticks = cutoff.UtcTicks;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        // EF writes the batched delete for each provider (rowid on SQLite, the key on PostgreSQL).
        return await context.WebhookDeliveries
            .Where(d => d.ReceivedAt < ticks)
            .OrderBy(d => d.ReceivedAt)
            .Take(batchSize)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
