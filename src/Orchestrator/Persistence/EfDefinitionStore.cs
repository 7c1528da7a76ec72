using System.Diagnostics.CodeAnalysis;
using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// <see cref="IDefinitionStore"/> on EF Core. Each call uses its own short-lived context from the factory, so the
/// store is a singleton. Writes run in an IMMEDIATE transaction (Microsoft.Data.Sqlite's default) beside the
/// group writer; the connection's busy timeout makes them wait for its lock instead of failing.
/// </summary>
public sealed class EfDefinitionStore(IDbContextFactory<ItsmDbContext> contexts, DatabaseInitializer initializer, IDatabaseErrors errors, IDefinitionWriteLock writeLock) : IDefinitionStore
{
    private const int MaxPageSize = 1000;

    public Task<DefinitionRecord?> FindByVersionIdAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return FirstAsync(d => d.Id == id, cancellationToken);
    }

    public Task<DefinitionRecord?> FindLatestAsync(string definitionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitionId);
        return FirstAsync(d => d.DefinitionId == definitionId && d.IsLatest, cancellationToken);
    }

    public Task<DefinitionRecord?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitionId);
        return FirstAsync(d => d.DefinitionId == definitionId && d.IsPublished, cancellationToken);
    }

    public Task<DefinitionRecord?> FindVersionAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitionId);
        return FirstAsync(d => d.DefinitionId == definitionId && d.Version == version, cancellationToken);
    }

    public async Task<IReadOnlyList<DefinitionRecord>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitionId);
        var context = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = await context.Definitions.AsNoTracking()
                .Where(d => d.DefinitionId == definitionId)
                .OrderBy(d => d.Version)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.ConvertAll(ToRecord);
        }
    }

    public async Task<IReadOnlyList<DefinitionRecord>> ListPublishedAsync(CancellationToken cancellationToken)
    {
        var context = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = await context.Definitions.AsNoTracking()
                .Where(d => d.IsPublished)
                .OrderBy(d => d.DefinitionId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.ConvertAll(ToRecord);
        }
    }

    [SuppressMessage("Globalization", "CA1304", Justification = "Inside an EF Core query: ToLower() becomes the database's lower(), no .NET culture is involved.")]
    [SuppressMessage("Globalization", "CA1311", Justification = "Inside an EF Core query: ToLower() becomes the database's lower().")]
    public async Task<DefinitionPage> ListAsync(DefinitionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);

        var context = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = SelectVersions(context.Definitions.AsNoTracking(), query);

            if (query.DefinitionIds is { Count: > 0 } definitionIds)
            {
                var ids = definitionIds.Distinct(StringComparer.Ordinal).ToArray();
                rows = rows.Where(d => ids.Contains(d.DefinitionId));
            }

            if (!string.IsNullOrWhiteSpace(query.SearchTerm))
            {
                // Case-insensitive on both providers (SQLite's LIKE ignores ASCII case, PostgreSQL's does not).
                var pattern = LikePattern.Contains(query.SearchTerm.ToLowerInvariant());
                rows = rows.Where(d =>
                    EF.Functions.Like(d.Name!.ToLower(), pattern, LikePattern.Escape) ||
                    EF.Functions.Like(d.DefinitionId.ToLower(), pattern, LikePattern.Escape) ||
                    EF.Functions.Like(d.Description!.ToLower(), pattern, LikePattern.Escape));
            }

            var total = await rows.LongCountAsync(cancellationToken).ConfigureAwait(false);
            var ordered = Order(rows, query.OrderBy, query.Descending);
            var items = await ordered
                .Skip(Math.Max(0, query.Page) * pageSize)
                .Take(pageSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return new DefinitionPage(items.ConvertAll(ToRecord), total);
        }
    }

    public async Task SaveAsync(IReadOnlyList<DefinitionRecord> versions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        if (versions.Count == 0)
        {
            return;
        }

        Validate(versions);

        // The provider's write lock serializes saves of one definition. A save that still loses the race for a flag
        // (a version saved under another definition's lock cannot, but a lock-free provider might) is refused by the
        // unique "one latest/one published" index and tries again from the new state, bounded.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SaveOnceAsync(versions, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DbUpdateException ex) when (attempt < MaxSaveAttempts && errors.IsUniqueViolation(ex))
            {
                // Lost the race for a flag; read again.
            }
        }
    }

    private const int MaxSaveAttempts = 5;

    private async Task SaveOnceAsync(IReadOnlyList<DefinitionRecord> versions, CancellationToken cancellationToken)
    {
        var context = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // IMMEDIATE: the flag read below and the writes happen under the write lock, so two concurrent
            // saves cannot both leave a "latest" version behind.
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await writeLock.EnterAsync(context, versions.Select(v => v.DefinitionId).ToArray(), cancellationToken).ConfigureAwait(false);
                var ids = versions.Select(v => v.Id).ToArray();
                var takesLatest = versions.Where(v => v.IsLatest).Select(v => v.DefinitionId).Distinct(StringComparer.Ordinal).ToArray();
                var takesPublished = versions.Where(v => v.IsPublished).Select(v => v.DefinitionId).Distinct(StringComparer.Ordinal).ToArray();

                var existing = await context.Definitions
                    .Where(d => ids.Contains(d.Id)
                        || (d.IsLatest && takesLatest.Contains(d.DefinitionId))
                        || (d.IsPublished && takesPublished.Contains(d.DefinitionId)))
                    .ToDictionaryAsync(d => d.Id, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);

                // Versions not being saved give up the flags that a saved version of their definition takes.
                foreach (var other in existing.Values.Where(d => !ids.Contains(d.Id, StringComparer.Ordinal)))
                {
                    if (other.IsLatest && takesLatest.Contains(other.DefinitionId, StringComparer.Ordinal))
                    {
                        other.IsLatest = false;
                    }

                    if (other.IsPublished && takesPublished.Contains(other.DefinitionId, StringComparer.Ordinal))
                    {
                        other.IsPublished = false;
                    }
                }

                // Saved versions that give a flag up do so in the same first batch.
                foreach (var version in versions)
                {
                    if (existing.TryGetValue(version.Id, out var current))
                    {
                        current.IsLatest &= version.IsLatest;
                        current.IsPublished &= version.IsPublished;
                    }
                }

                // Flags are cleared in their own statement batch first: the new holder and the old one never
                // coexist inside a statement, whatever order EF issues the updates in.
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

                foreach (var version in versions)
                {
                    if (existing.TryGetValue(version.Id, out var entity))
                    {
                        Copy(version, entity);
                    }
                    else
                    {
                        var added = new DefinitionEntity
                        {
                            Id = version.Id,
                            DefinitionId = version.DefinitionId,
                            Name = version.Name,
                            ModelJson = version.ModelJson,
                        };
                        Copy(version, added);
                        context.Definitions.Add(added);
                    }
                }

                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<int> CountUnfinishedInstancesAsync(string definitionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitionId);
        var context = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Instances.CountAsync(i => i.DefinitionId == definitionId
                && (i.Status == Itsm.Activities.Model.InstanceStatus.Running
                    || i.Status == Itsm.Activities.Model.InstanceStatus.Suspended
                    || i.Status == Itsm.Activities.Model.InstanceStatus.Faulted), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<int> CountUnfinishedInstancesOfVersionAsync(string versionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versionId);
        var context = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Instances.CountAsync(i => i.DefinitionVersionId == versionId
                && (i.Status == Itsm.Activities.Model.InstanceStatus.Running
                    || i.Status == Itsm.Activities.Model.InstanceStatus.Suspended
                    || i.Status == Itsm.Activities.Model.InstanceStatus.Faulted), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<int> DeleteDefinitionAsync(string definitionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitionId);
        var context = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Definitions
                .Where(d => d.DefinitionId == definitionId)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <remarks>Deleting the latest version makes the highest remaining version of the definition latest.</remarks>
    public async Task<bool> DeleteVersionAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var context = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var row = await context.Definitions.FirstOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false);
                if (row is null)
                {
                    return false;
                }

                context.Definitions.Remove(row);
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

                if (row.IsLatest)
                {
                    var successor = await context.Definitions
                        .Where(d => d.DefinitionId == row.DefinitionId)
                        .OrderByDescending(d => d.Version)
                        .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                    if (successor is not null)
                    {
                        successor.IsLatest = true;
                        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
    }

    private static IQueryable<DefinitionEntity> SelectVersions(IQueryable<DefinitionEntity> rows, DefinitionQuery query) =>
        query.Versions switch
        {
            VersionSelector.Latest => rows.Where(d => d.IsLatest),
            VersionSelector.Published => rows.Where(d => d.IsPublished),
            VersionSelector.LatestOrPublished => rows.Where(d => d.IsLatest || d.IsPublished),
            VersionSelector.Draft => rows.Where(d => d.IsLatest && !d.IsPublished),
            VersionSelector.AllVersions => rows,
            VersionSelector.Specific when query.SpecificVersion is { } version => rows.Where(d => d.Version == version),
            VersionSelector.Specific => throw new ArgumentException(
                "VersionSelector.Specific requires SpecificVersion.", nameof(query)),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Versions, "Unknown version selector."),
        };

    private static IQueryable<DefinitionEntity> Order(IQueryable<DefinitionEntity> rows, DefinitionOrder order, bool descending) =>
        (order, descending) switch
        {
            (DefinitionOrder.CreatedAt, false) => rows.OrderBy(d => d.CreatedAt).ThenBy(d => d.DefinitionId).ThenBy(d => d.Version),
            (DefinitionOrder.CreatedAt, true) => rows.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.DefinitionId).ThenByDescending(d => d.Version),
            (DefinitionOrder.Version, false) => rows.OrderBy(d => d.Version).ThenBy(d => d.DefinitionId),
            (DefinitionOrder.Version, true) => rows.OrderByDescending(d => d.Version).ThenByDescending(d => d.DefinitionId),
            (_, false) => rows.OrderBy(d => d.Name).ThenBy(d => d.DefinitionId).ThenBy(d => d.Version),
            _ => rows.OrderByDescending(d => d.Name).ThenByDescending(d => d.DefinitionId).ThenByDescending(d => d.Version),
        };

    /// <summary>Refuses a batch that would itself break "one latest / one published per definition".</summary>
    private static void Validate(IReadOnlyList<DefinitionRecord> versions)
    {
        var duplicateId = versions.GroupBy(v => v.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicateId is not null)
        {
            throw new ArgumentException($"Version id '{duplicateId.Key}' appears more than once.", nameof(versions));
        }

        foreach (var definition in versions.GroupBy(v => v.DefinitionId, StringComparer.Ordinal))
        {
            if (definition.Count(v => v.IsLatest) > 1)
            {
                throw new ArgumentException($"More than one latest version of definition '{definition.Key}'.", nameof(versions));
            }

            if (definition.Count(v => v.IsPublished) > 1)
            {
                throw new ArgumentException($"More than one published version of definition '{definition.Key}'.", nameof(versions));
            }
        }
    }

    private static void Copy(DefinitionRecord source, DefinitionEntity target)
    {
        target.DefinitionId = source.DefinitionId;
        target.Version = source.Version;
        target.Name = source.Name;
        target.Description = source.Description;
        target.IsLatest = source.IsLatest;
        target.IsPublished = source.IsPublished;
        target.CreatedAt = UtcTicks.From(source.CreatedAt);
        target.ModelJson = source.ModelJson;
    }

    private static DefinitionRecord ToRecord(DefinitionEntity d) => new(
        d.Id, d.DefinitionId, d.Version, d.Name, d.Description, d.IsLatest, d.IsPublished,
        UtcTicks.ToDateTimeOffset(d.CreatedAt), d.ModelJson);

    private async Task<DefinitionRecord?> FirstAsync(
        System.Linq.Expressions.Expression<Func<DefinitionEntity, bool>> predicate, CancellationToken cancellationToken)
    {
        var context = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // Ordered so a (never expected) duplicate flag still yields a deterministic answer: the highest version.
            var row = await context.Definitions.AsNoTracking()
                .Where(predicate)
                .OrderByDescending(d => d.Version)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return row is null ? null : ToRecord(row);
        }
    }

    private async Task<ItsmDbContext> OpenAsync(CancellationToken cancellationToken)
    {
        if (!initializer.IsInitialized)
        {
            await initializer.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }

        return await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
    }
}
