using Itsm.Orchestrator.Api.Common;

namespace Itsm.Orchestrator.Api.WorkflowDefinitions;

/// <summary>Elsa's linked paged list of definitions: <c>{items, totalCount, links}</c>.</summary>
public sealed record WorkflowDefinitionListResponse(IReadOnlyList<WorkflowDefinitionSummaryModel> Items, long TotalCount, IReadOnlyList<Link> Links);
