using System.Diagnostics.CodeAnalysis;
using Itsm.Activities.Itil;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Itsm.Orchestrator.Records;

/// <summary>
/// The record API's reads, in EF Core LINQ for both providers: filtered keyset lists over the projected columns, and
/// one record with its links both ways and its history. Writes go through <see cref="IWorkflowStore"/> only.
/// </summary>
public sealed class RecordQueries(IDbContextFactory<ItsmDbContext> contexts, DatabaseInitializer initializer)
{
    [SuppressMessage("Globalization", "CA1308", Justification = "SearchText is stored lower-cased invariant; the term must match it.")]
    [SuppressMessage("Globalization", "CA1309", Justification = "Inside an EF Core query: string.Compare becomes the database's own comparison, the one its ORDER BY uses.")]
    public async Task<RecordPage> ListAsync(RecordListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.PageSize, 1, RecordListQuery.MaxPageSize);
        var context = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var type = query.RecordType;
            var rows = context.Records.AsNoTracking().Where(e => e.RecordType == type);
            if (query.Status is { } status) rows = rows.Where(e => e.Status == status);
            if (query.Priority is { } priority) rows = rows.Where(e => e.Priority == priority);
            if (query.Text is { Length: > 0 } text)
            {
                var pattern = LikePattern.Contains(text.ToLowerInvariant());
                rows = rows.Where(e => e.SearchText != null && EF.Functions.Like(e.SearchText, pattern, LikePattern.Escape));
            }

            if (query.Ci is { } ci)
            {
                const string ciType = RecordTypes.ConfigurationItem;
                rows = rows.Where(e => context.RecordLinks.Any(l =>
                    (l.FromType == e.RecordType && l.FromId == e.RecordId && l.ToType == ciType && l.ToId == ci)
                    || (l.ToType == e.RecordType && l.ToId == e.RecordId && l.FromType == ciType && l.FromId == ci)));
            }

            if (query.InstanceId is { } instanceId)
                rows = rows.Where(e => context.RecordChanges.Any(h => h.RecordType == e.RecordType && h.RecordId == e.RecordId && h.InstanceId == instanceId));

            if (query.After is { } after)
            {
                var (createdAt, recordId) = (after.CreatedAt, after.RecordId);
                rows = rows.Where(e => e.CreatedAt < createdAt || (e.CreatedAt == createdAt && string.Compare(e.RecordId, recordId) < 0));
            }

            // One row more than the page tells whether a next page exists without counting.
            var page = await rows.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.RecordId)
                .Take(pageSize + 1)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var items = page.Take(pageSize).Select(ToRecord).ToList();
            var next = page.Count > pageSize ? new RecordCursor(page[pageSize - 1].CreatedAt, page[pageSize - 1].RecordId).Encode() : null;
            return new RecordPage(items, next);
        }
    }

    /// <summary>The record of <paramref name="recordType"/> whose number or id is <paramref name="key"/>, with links and history.</summary>
    public async Task<RecordDetails?> FindAsync(string recordType, string key, CancellationToken cancellationToken)
    {
        var context = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var entity = await context.Records.AsNoTracking()
                .Where(e => e.RecordType == recordType && (e.Number == key || e.RecordId == key))
                // A number wins over an id that happens to look like one.
                .OrderBy(e => e.Number == key ? 0 : 1)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (entity is null) return null;

            var (type, id) = (entity.RecordType, entity.RecordId);
            var links = await (from l in context.RecordLinks.AsNoTracking()
                               where l.FromType == type && l.FromId == id
                               join r in context.Records.AsNoTracking() on new { T = l.ToType, I = l.ToId } equals new { T = r.RecordType, I = r.RecordId } into target
                               from r in target.DefaultIfEmpty()
                               orderby l.ToType, l.ToId, l.Relation
                               select new LinkedRecord(l.ToType, l.ToId, r == null ? null : r.Number, r == null ? null : r.Title, l.Relation))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var linkedFrom = await (from l in context.RecordLinks.AsNoTracking()
                                    where l.ToType == type && l.ToId == id
                                    join r in context.Records.AsNoTracking() on new { T = l.FromType, I = l.FromId } equals new { T = r.RecordType, I = r.RecordId } into source
                                    from r in source.DefaultIfEmpty()
                                    orderby l.FromType, l.FromId, l.Relation
                                    select new LinkedRecord(l.FromType, l.FromId, r == null ? null : r.Number, r == null ? null : r.Title, l.Relation))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var history = await context.RecordChanges.AsNoTracking()
                .Where(h => h.RecordType == type && h.RecordId == id)
                .OrderBy(h => h.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);

            return new RecordDetails(ToRecord(entity), links.ConvertAll(Relation), linkedFrom.ConvertAll(Relation), history.ConvertAll(ToHistory));
        }
    }

    /// <summary>Whether a record of <paramref name="recordType"/> has <paramref name="key"/> as its number or id: its id.</summary>
    public async Task<string?> FindIdAsync(string recordType, string key, CancellationToken cancellationToken)
    {
        var context = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Records.AsNoTracking()
                .Where(e => e.RecordType == recordType && (e.Number == key || e.RecordId == key))
                .OrderBy(e => e.Number == key ? 0 : 1)
                .Select(e => e.RecordId)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    internal static ItilRecord ToRecord(RecordEntity e) => new(e.RecordType, e.RecordId, e.Version, e.DataJson, e.Number, e.Status, e.Priority,
        e.Title, e.InstanceId, e.ActivityId, UtcTicks.ToDateTimeOffset(e.CreatedAt), UtcTicks.ToDateTimeOffset(e.UpdatedAt));

    private static LinkedRecord Relation(LinkedRecord link) => link with { Relation = link.Relation is { Length: > 0 } ? link.Relation : null };

    private static RecordHistoryEntry ToHistory(RecordChangeEntity h) => new(h.Version, h.Operation, Empty(h.InstanceId), Empty(h.ActivityId),
        Empty(h.Actor), UtcTicks.ToDateTimeOffset(h.At));

    private static string? Empty(string value) => value.Length == 0 ? null : value;

    private async Task<ItsmDbContext> OpenAsync(CancellationToken cancellationToken)
    {
        if (!initializer.IsInitialized) await initializer.InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
    }
}
