namespace Itsm.Orchestrator.Api.Common;

/// <summary>Elsa's <c>PagedListResponse</c>: one page and the total across all pages.</summary>
public sealed record PagedListResponse<T>(IReadOnlyList<T> Items, long TotalCount);
