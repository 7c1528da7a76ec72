using System.Diagnostics.CodeAnalysis;
using Itsm.Orchestrator.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Itsm.Orchestrator.Persistence;

/// <summary>The EF Core pieces of <see cref="Sqlite.SqliteWorkflowStore.ListInstancesAsync"/>: filters, keyset and order.</summary>
internal static class InstanceQueries
{
    /// <summary>The ordering columns of the row a keyset page continues after.</summary>
    public sealed record Anchor(long CreatedAt, long UpdatedAt, long? FinishedAt);

    /// <summary>Applies every filter of <paramref name="query"/> except paging (the TotalCount query).</summary>
    [SuppressMessage("Globalization", "CA1304", Justification = "Inside an EF Core query: ToLower() becomes the database's lower(), no .NET culture is involved.")]
    [SuppressMessage("Globalization", "CA1311", Justification = "Inside an EF Core query: ToLower() becomes the database's lower().")]
    public static IQueryable<InstanceEntity> Filter(IQueryable<InstanceEntity> source, InstanceQuery query, IQueryable<JournalEntity> journal)
    {
        if (query.DefinitionId is { } definitionId)
        {
            source = source.Where(e => e.DefinitionId == definitionId);
        }

        if (query.DefinitionVersionId is { } definitionVersionId)
        {
            source = source.Where(e => e.DefinitionVersionId == definitionVersionId);
        }

        if (query.CorrelationId is { } correlationId)
        {
            source = source.Where(e => e.CorrelationId == correlationId);
        }

        if (query.Statuses is { Count: > 0 } statuses)
        {
            var values = statuses.Distinct().ToArray();
            source = source.Where(e => values.Contains(e.Status));
        }

        if (!string.IsNullOrWhiteSpace(query.SearchTerm))
        {
            // Case-insensitive on both providers (SQLite's LIKE ignores ASCII case, PostgreSQL's does not): lower both sides.
            var pattern = LikePattern.Contains(query.SearchTerm.ToLowerInvariant());
            source = source.Where(e =>
                EF.Functions.Like(e.Name!.ToLower(), pattern, LikePattern.Escape) ||
                EF.Functions.Like(e.Id.ToLower(), pattern, LikePattern.Escape) ||
                EF.Functions.Like(e.CorrelationId!.ToLower(), pattern, LikePattern.Escape));
        }

        // Both bounds are inclusive.
        if (query.CreatedFrom is { } from)
        {
            var fromTicks = UtcTicks.From(from);
            source = source.Where(e => e.CreatedAt >= fromTicks);
        }

        if (query.CreatedTo is { } to)
        {
            var toTicks = UtcTicks.From(to);
            source = source.Where(e => e.CreatedAt <= toTicks);
        }

        if (query.Tags is { IsEmpty: false } tags)
        {
            source = FilterByTags(source, tags, journal);
        }

        return source;
    }

    /// <summary>Instances with a journal record carrying every given tag: one EXISTS over the instance's own records (indexed by instance).</summary>
    [SuppressMessage("Globalization", "CA1304", Justification = "Inside an EF Core query: ToLower() becomes the database's lower().")]
    [SuppressMessage("Globalization", "CA1311", Justification = "Inside an EF Core query: ToLower() becomes the database's lower().")]
    private static IQueryable<InstanceEntity> FilterByTags(IQueryable<InstanceEntity> source, JournalTagFilter tags, IQueryable<JournalEntity> journal)
    {
        var records = journal.Where(j => j.Tags != null);
        if (tags.ValueChain is { } valueChain)
        {
            var pattern = JournalTagPatterns.ValueChain(valueChain);
            records = records.Where(j => EF.Functions.Like(j.Tags!.ToLower(), pattern, LikePattern.Escape));
        }

        if (tags.Practice is { } practice)
        {
            var pattern = JournalTagPatterns.Practice(practice);
            records = records.Where(j => EF.Functions.Like(j.Tags!.ToLower(), pattern, LikePattern.Escape));
        }

        if (tags.Role is { } role)
        {
            var pattern = JournalTagPatterns.Role(role);
            records = records.Where(j => EF.Functions.Like(j.Tags!.ToLower(), pattern, LikePattern.Escape));
        }

        return source.Where(e => records.Any(j => j.InstanceId == e.Id));
    }

    /// <summary>Rows strictly after the anchor in the (order column, Id) order, matching <see cref="Order"/>.</summary>
    public static IQueryable<InstanceEntity> After(
        IQueryable<InstanceEntity> source, InstanceOrder order, bool ascending, Anchor anchor, string afterId) => order switch
    {
        InstanceOrder.UpdatedAt => AfterUpdatedAt(source, anchor.UpdatedAt, ascending, afterId),
        InstanceOrder.FinishedAt => AfterFinishedAt(source, anchor.FinishedAt, ascending, afterId),
        _ => AfterCreatedAt(source, anchor.CreatedAt, ascending, afterId),
    };

    public static IQueryable<InstanceEntity> Order(IQueryable<InstanceEntity> source, InstanceOrder order, bool ascending) =>
        (order, ascending) switch
        {
            (InstanceOrder.UpdatedAt, true) => source.OrderBy(e => e.UpdatedAt).ThenBy(e => e.Id),
            (InstanceOrder.UpdatedAt, false) => source.OrderByDescending(e => e.UpdatedAt).ThenByDescending(e => e.Id),
            // Unfinished (NULL) first ascending and last descending, spelled out: SQLite and PostgreSQL place NULLs oppositely.
            (InstanceOrder.FinishedAt, true) => source.OrderBy(e => e.FinishedAt != null).ThenBy(e => e.FinishedAt).ThenBy(e => e.Id),
            (InstanceOrder.FinishedAt, false) => source.OrderByDescending(e => e.FinishedAt != null).ThenByDescending(e => e.FinishedAt).ThenByDescending(e => e.Id),
            (_, true) => source.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id),
            _ => source.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id),
        };

    // Spelled out per column (rather than composed from a column selector) so EF translates plain comparisons.
    [SuppressMessage("Globalization", "CA1309", Justification = "EF Core translates string.Compare(a, b) to SQLite's BINARY (ordinal) comparison; the StringComparison overload does not translate.")]
    private static IQueryable<InstanceEntity> AfterCreatedAt(
        IQueryable<InstanceEntity> source, long value, bool ascending, string afterId) => ascending
        ? source.Where(e => e.CreatedAt > value || (e.CreatedAt == value && string.Compare(e.Id, afterId) > 0))
        : source.Where(e => e.CreatedAt < value || (e.CreatedAt == value && string.Compare(e.Id, afterId) < 0));

    [SuppressMessage("Globalization", "CA1309", Justification = "EF Core translates string.Compare(a, b) to SQLite's BINARY (ordinal) comparison; the StringComparison overload does not translate.")]
    private static IQueryable<InstanceEntity> AfterUpdatedAt(
        IQueryable<InstanceEntity> source, long value, bool ascending, string afterId) => ascending
        ? source.Where(e => e.UpdatedAt > value || (e.UpdatedAt == value && string.Compare(e.Id, afterId) > 0))
        : source.Where(e => e.UpdatedAt < value || (e.UpdatedAt == value && string.Compare(e.Id, afterId) < 0));

    /// <summary>Unfinished instances (NULL) come first ascending and last descending (see <see cref="Order"/>).</summary>
    [SuppressMessage("Globalization", "CA1309", Justification = "EF Core translates string.Compare(a, b) to SQLite's BINARY (ordinal) comparison; the StringComparison overload does not translate.")]
    private static IQueryable<InstanceEntity> AfterFinishedAt(
        IQueryable<InstanceEntity> source, long? value, bool ascending, string afterId) => (value, ascending) switch
    {
        (null, true) => source.Where(e => (e.FinishedAt == null && string.Compare(e.Id, afterId) > 0) || e.FinishedAt != null),
        (null, false) => source.Where(e => e.FinishedAt == null && string.Compare(e.Id, afterId) < 0),
        ({ } v, true) => source.Where(e => e.FinishedAt > v || (e.FinishedAt == v && string.Compare(e.Id, afterId) > 0)),
        ({ } v, false) => source.Where(e =>
            e.FinishedAt < v || (e.FinishedAt == v && string.Compare(e.Id, afterId) < 0) || e.FinishedAt == null),
    };
}
