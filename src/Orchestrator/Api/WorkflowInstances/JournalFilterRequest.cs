namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>The body of <c>POST workflow-instances/{id}/journal</c> (paging may come in the query instead).</summary>
public sealed record JournalFilterRequest
{
    public JournalFilter? Filter { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
    public int? Skip { get; init; }
    public int? Take { get; init; }
}

/// <summary>Elsa's journal filter; Studio's viewer sends the root's node ids and excludes the container types.</summary>
public sealed record JournalFilter
{
    public string[]? ActivityIds { get; init; }
    public string[]? ActivityNodeIds { get; init; }
    public string[]? ExcludedActivityTypes { get; init; }
    public string[]? EventNames { get; init; }

    public bool IsEmpty => ActivityIds is not { Length: > 0 } && ActivityNodeIds is not { Length: > 0 }
        && ExcludedActivityTypes is not { Length: > 0 } && EventNames is not { Length: > 0 };
}
