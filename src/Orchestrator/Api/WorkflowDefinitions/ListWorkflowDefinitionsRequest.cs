using Itsm.Orchestrator.Api.Common;

namespace Itsm.Orchestrator.Api.WorkflowDefinitions;

/// <summary>
/// The definitions list query (<c>GET /elsa/api/workflow-definitions</c>). Studio capitalises the names
/// (<c>Page</c>, <c>PageSize</c>, <c>DefinitionIds</c>); query binding ignores case.
/// </summary>
public sealed record ListWorkflowDefinitionsRequest
{
    public string? VersionOptions { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
    public string? SearchTerm { get; init; }
    public string[]? DefinitionIds { get; init; }
    public DefinitionOrderBy? OrderBy { get; init; }
    public OrderDirection? OrderDirection { get; init; }
    public bool? IsSystem { get; init; }
}

/// <summary>Elsa's <c>OrderByWorkflowDefinition</c>.</summary>
public enum DefinitionOrderBy
{
    Created,
    Name,
    Version,
}
