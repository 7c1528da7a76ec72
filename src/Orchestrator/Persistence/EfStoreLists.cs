using System.Diagnostics.CodeAnalysis;
using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// The stores' filtered lists, written once in EF Core LINQ for both providers: instance and task lists (filters,
/// orders, keyset pages) and the retention sweep's candidates. Fixed-shape reads stay in each provider's raw SQL.
/// </summary>
internal sealed class EfStoreLists(IDbContextFactory<ItsmDbContext> contexts)
{
    public const int MaxPageSize = 1000;

    private readonly IDbContextFactory<ItsmDbContext> _contexts = contexts;

    /// <summary>Up to <paramref name="batchSize"/> finished or cancelled instances that ended before <paramref name="cutoff"/> (ticks), oldest first.</summary>
    public async Task<List<string>> FinishedInstanceIdsAsync(long cutoff, int batchSize, CancellationToken cancellationToken)
    {
        var context = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // The partial index on FinishedAt holds only finished rows, so this reads the oldest first and nothing else.
            return await context.Instances.AsNoTracking()
                .Where(e => e.FinishedAt != null && e.FinishedAt < cutoff
                    && (e.Status == Activities.Model.InstanceStatus.Finished || e.Status == Activities.Model.InstanceStatus.Cancelled))
                .OrderBy(e => e.FinishedAt)
                .Select(e => e.Id)
                .Take(batchSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<InstancePage> ListInstancesAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);

        var context = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var filtered = InstanceQueries.Filter(context.Instances.AsNoTracking(), query, context.Journal.AsNoTracking());
            var total = await filtered.LongCountAsync(cancellationToken).ConfigureAwait(false);

            IQueryable<InstanceEntity> page = filtered;
            if (query.After is { } after)
            {
                var anchor = await context.Instances.AsNoTracking()
                    .Where(e => e.Id == after)
                    .Select(e => new InstanceQueries.Anchor(e.CreatedAt, e.UpdatedAt, e.FinishedAt))
                    .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

                // The anchor row is gone (deleted between pages): its position is unknown, so end the listing
                // rather than restart from the top and loop a client that pages through everything.
                if (anchor is null)
                {
                    return new InstancePage([], total);
                }

                page = InstanceQueries.After(page, query.OrderBy, query.Ascending, anchor, after);
            }

            page = InstanceQueries.Order(page, query.OrderBy, query.Ascending);
            if (query.After is null && query.Page > 0)
            {
                page = page.Skip(query.Page * pageSize);
            }

            var items = await page.Take(pageSize)
                .Select(e => new InstanceSummary(
                    e.Id, e.DefinitionId, e.DefinitionVersionId, e.Version, e.Name, e.Status, e.CorrelationId,
                    e.ParentInstanceId, e.FaultCount, UtcTicks.ToDateTimeOffset(e.CreatedAt),
                    UtcTicks.ToDateTimeOffset(e.UpdatedAt), UtcTicks.ToDateTimeOffset(e.FinishedAt)))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return new InstancePage(items, total);
        }
    }

    /// <remarks>
    /// Ordered by CreatedAt descending, then Id descending. <see cref="TaskQuery.Role"/> and
    /// <see cref="TaskQuery.Roles"/> together form one "any of" role set.
    /// </remarks>
    [SuppressMessage("Globalization", "CA1309", Justification = "EF Core translates string.Compare(a, b) to SQLite's BINARY (ordinal) comparison; the StringComparison overload does not translate.")]
    public async Task<IReadOnlyList<BookmarkRecord>> ListTasksAsync(TaskQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);

        var context = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // Every Tasks row is an open human task: the bookmark row only adds where it waits.
            var tasks = context.Tasks.AsNoTracking();

            var roles = (query.Roles ?? []).Append(query.Role).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
            if (roles.Length > 0)
            {
                tasks = tasks.Where(t => roles.Contains(t.Role!));
            }

            if (query.InstanceId is { } instanceId)
            {
                tasks = tasks.Where(t => t.InstanceId == instanceId);
            }

            if (query.After is { } after)
            {
                var anchor = await context.Tasks.AsNoTracking()
                    .Where(t => t.BookmarkId == after)
                    .Select(t => (long?)t.CreatedAt)
                    .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

                // The anchor task was completed or removed: its position is unknown (see ListInstancesAsync).
                if (anchor is not { } createdAt)
                {
                    return [];
                }

                tasks = tasks.Where(t => t.CreatedAt < createdAt || (t.CreatedAt == createdAt && string.Compare(t.BookmarkId, after) < 0));
            }

            var rows = await tasks
                .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.BookmarkId)
                .Take(pageSize)
                .Join(context.Bookmarks.AsNoTracking(), t => t.BookmarkId, b => b.Id, (t, b) => new { Task = t, Bookmark = b })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            // The join may not keep the page's order on every provider: order again in memory (one page).
            return rows
                .OrderByDescending(row => row.Task.CreatedAt).ThenByDescending(row => row.Task.BookmarkId, StringComparer.Ordinal)
                .Select(row => ToRecord(row.Bookmark, row.Task))
                .ToList();
        }
    }

    private static BookmarkRecord ToRecord(BookmarkEntity b, TaskEntity t) => new(
        b.Id, b.InstanceId, b.ActivityId, b.ActivityType, b.Kind, b.Key, b.CorrelationId, b.PayloadJson,
        UtcTicks.ToDateTimeOffset(b.CreatedAt), UtcTicks.ToDateTimeOffset(b.ResumeAt),
        new Itsm.Activities.Model.HumanTask { Role = t.Role, Title = t.Title, DueAt = UtcTicks.ToDateTimeOffset(t.DueAt), Priority = t.Priority });

}
