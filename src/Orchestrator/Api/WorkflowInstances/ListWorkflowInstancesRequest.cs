using Itsm.Orchestrator.Api.Common;

namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>
/// Elsa's instance list filters, from the query (GET) or the body (POST; Studio's list posts them).
/// <see cref="DefinitionId"/> and <see cref="DefinitionIds"/> are alternatives, as are several statuses.
/// </summary>
public sealed record ListWorkflowInstancesRequest
{
    public int? Page { get; init; }
    public int? PageSize { get; init; }
    public string? SearchTerm { get; init; }
    public string? DefinitionId { get; init; }
    public string[]? DefinitionIds { get; init; }
    public string? CorrelationId { get; init; }
    public bool? HasIncidents { get; init; }
    public bool? IsSystem { get; init; }
    public WorkflowStatus? Status { get; init; }
    public WorkflowStatus[]? Statuses { get; init; }
    public WorkflowSubStatus? SubStatus { get; init; }
    public WorkflowSubStatus[]? SubStatuses { get; init; }
    public InstanceOrderBy? OrderBy { get; init; }
    public OrderDirection? OrderDirection { get; init; }
    public TimestampFilterModel[]? TimestampFilters { get; init; }
    /// <summary>Itsm: only instances with a journal record tagged with this value-chain activity id.</summary>
    public string? ValueChain { get; init; }
    /// <summary>Itsm: only instances with a journal record tagged with this practice id.</summary>
    public string? Practice { get; init; }
    /// <summary>Itsm: only instances with a journal record tagged with this role (any case).</summary>
    public string? Role { get; init; }
}

/// <summary>Elsa's <c>OrderByWorkflowInstance</c> (with the client's <c>LastExecuted</c>).</summary>
public enum InstanceOrderBy
{
    Created,
    UpdatedAt,
    Finished,
    Name,
    LastExecuted,
}

/// <summary>Elsa's <c>TimestampFilter</c>: <see cref="Column"/> is CreatedAt, UpdatedAt or FinishedAt.</summary>
public sealed record TimestampFilterModel(string Column, TimestampFilterOperator Operator, DateTimeOffset Timestamp);

/// <summary>Elsa's <c>TimestampFilterOperator</c>.</summary>
public enum TimestampFilterOperator
{
    Is,
    IsNot,
    LessThan,
    GreaterThan,
    LessThanOrEqual,
    GreaterThanOrEqual,
}
