using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// Filters for instance lists. Elsa's routes page by <see cref="Page"/>/<see cref="PageSize"/> (an index-ordered
/// query); Itsm's own routes pass <see cref="After"/> (the last id of the previous page) for deep keyset paging.
/// Ordering is by <see cref="OrderBy"/> then id, newest first unless <see cref="Ascending"/>.
/// </summary>
public sealed record InstanceQuery
{
    public string? DefinitionId { get; init; }
    public string? DefinitionVersionId { get; init; }
    public string? CorrelationId { get; init; }
    public IReadOnlyList<InstanceStatus>? Statuses { get; init; }
    public string? SearchTerm { get; init; }
    public DateTimeOffset? CreatedFrom { get; init; }
    public DateTimeOffset? CreatedTo { get; init; }
    public InstanceOrder OrderBy { get; init; } = InstanceOrder.CreatedAt;
    public bool Ascending { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 50;
    public string? After { get; init; }
    /// <summary>Only instances with at least one journal record carrying these ITIL tags.</summary>
    public JournalTagFilter? Tags { get; init; }
}

public enum InstanceOrder
{
    CreatedAt,
    UpdatedAt,
    FinishedAt,
}

public sealed record InstancePage(IReadOnlyList<InstanceSummary> Items, long TotalCount);
