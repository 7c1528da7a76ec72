using Itsm.Activities.Model;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>
/// Turns Elsa's instance filters into store queries and runs them. The store filters by one definition id;
/// several are answered by querying each for the rows up to the requested page and merging them in the
/// store's own order (order key, then id), which keeps paging exact.
/// </summary>
public static class WorkflowInstanceLister
{
    public const int MaxPageSize = 1000;
    private const int DefaultPageSize = 50;

    /// <summary>A field at fault in the request, named as the client sent it.</summary>
    public sealed record FieldError(string Field, string Message);

    public static FieldError? TryBuild(ListWorkflowInstancesRequest request, out InstanceQuery query, out IReadOnlyList<string> definitionIds)
    {
        ArgumentNullException.ThrowIfNull(request);
        query = new InstanceQuery();
        definitionIds = [];
        if (request.Page is < 0)
            return new("page", "The page index starts at 0.");
        if (request.PageSize is < 1 or > MaxPageSize)
            return new("pageSize", $"The page size must be between 1 and {MaxPageSize}.");
        if (Paging.CheckPage(request.Page, request.PageSize, DefaultPageSize) is { } overflow)
            return new(overflow.Field, overflow.Message);

        if (JournalTagFilterParser.TryParse(request.ValueChain, request.Practice, request.Role, out var tags) is { } tagError)
            return tagError;

        DateTimeOffset? from = null, to = null;
        for (var i = 0; i < (request.TimestampFilters?.Length ?? 0); i++)
        {
            var filter = request.TimestampFilters![i];
            if (!string.Equals(filter.Column, "CreatedAt", StringComparison.OrdinalIgnoreCase))
                return new($"timestampFilters[{i}].column", $"Filtering by '{filter.Column}' is not supported; use CreatedAt.");
            switch (filter.Operator)
            {
                case TimestampFilterOperator.Is:
                    from = Max(from, filter.Timestamp);
                    to = Min(to, filter.Timestamp);
                    break;
                case TimestampFilterOperator.GreaterThan:
                    from = Max(from, filter.Timestamp.AddTicks(1));
                    break;
                case TimestampFilterOperator.GreaterThanOrEqual:
                    from = Max(from, filter.Timestamp);
                    break;
                case TimestampFilterOperator.LessThan:
                    to = Min(to, filter.Timestamp.AddTicks(-1));
                    break;
                case TimestampFilterOperator.LessThanOrEqual:
                    to = Min(to, filter.Timestamp);
                    break;
                default:
                    return new($"timestampFilters[{i}].operator", $"The operator '{filter.Operator}' is not supported.");
            }
        }

        var statuses = ElsaWorkflowStatus.Matching(
            Combine(request.Status, request.Statuses), Combine(request.SubStatus, request.SubStatuses));
        // An instance has incidents while it is stopped at a fault; Itsm does not index past incidents.
        if (request.HasIncidents == true)
            statuses = (statuses ?? Enum.GetValues<InstanceStatus>()).Where(status => status == InstanceStatus.Faulted).ToList();

        definitionIds = Combine(request.DefinitionId, request.DefinitionIds)
            .Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        query = new InstanceQuery
        {
            DefinitionId = definitionIds.Count == 1 ? definitionIds[0] : null,
            CorrelationId = string.IsNullOrWhiteSpace(request.CorrelationId) ? null : request.CorrelationId,
            Statuses = statuses,
            SearchTerm = string.IsNullOrWhiteSpace(request.SearchTerm) ? null : request.SearchTerm.Trim(),
            CreatedFrom = from,
            CreatedTo = to,
            Tags = tags.IsEmpty ? null : tags,
            OrderBy = request.OrderBy switch
            {
                InstanceOrderBy.UpdatedAt or InstanceOrderBy.LastExecuted => InstanceOrder.UpdatedAt,
                InstanceOrderBy.Finished => InstanceOrder.FinishedAt,
                _ => InstanceOrder.CreatedAt,
            },
            // Elsa lists oldest first unless told otherwise.
            Ascending = request.OrderDirection != OrderDirection.Descending,
            Page = request.Page ?? 0,
            PageSize = request.PageSize ?? DefaultPageSize,
        };
        return null;
    }

    public static async Task<InstancePage> ListAsync(IWorkflowQueries store, InstanceQuery query, IReadOnlyList<string> definitionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(definitionIds);
        if (query.Statuses is { Count: 0 })
            return new InstancePage([], 0);
        if (definitionIds.Count <= 1)
            return await store.ListInstancesAsync(query, cancellationToken).ConfigureAwait(false);

        var skip = query.Page * query.PageSize;
        var needed = Math.Min(skip + query.PageSize, MaxPageSize);
        var merged = new List<InstanceSummary>();
        long total = 0;
        foreach (var definitionId in definitionIds)
        {
            var page = await store.ListInstancesAsync(query with { DefinitionId = definitionId, Page = 0, PageSize = needed }, cancellationToken).ConfigureAwait(false);
            merged.AddRange(page.Items);
            total += page.TotalCount;
        }
        var ordered = query.Ascending
            ? merged.OrderBy(item => Key(item, query.OrderBy)).ThenBy(item => item.Id, StringComparer.Ordinal)
            : merged.OrderByDescending(item => Key(item, query.OrderBy)).ThenByDescending(item => item.Id, StringComparer.Ordinal);
        return new InstancePage(ordered.Skip(skip).Take(query.PageSize).ToList(), total);
    }

    private static DateTimeOffset Key(InstanceSummary item, InstanceOrder order) => order switch
    {
        InstanceOrder.UpdatedAt => item.UpdatedAt,
        InstanceOrder.FinishedAt => item.FinishedAt ?? DateTimeOffset.MaxValue,
        _ => item.CreatedAt,
    };

    private static IEnumerable<T> Combine<T>(T? single, T[]? many) where T : struct
        => (single is { } value ? [value] : Array.Empty<T>()).Concat(many ?? []);

    private static IEnumerable<string> Combine(string? single, string[]? many)
        => (single is null ? Array.Empty<string>() : [single]).Concat(many ?? []);

    private static DateTimeOffset Max(DateTimeOffset? current, DateTimeOffset candidate) => current is { } c && c > candidate ? c : candidate;

    private static DateTimeOffset Min(DateTimeOffset? current, DateTimeOffset candidate) => current is { } c && c < candidate ? c : candidate;
}
