namespace Itsm.Orchestrator.Api.Common;

/// <summary>Elsa's <c>ListResponse</c>: a complete (unpaged) list with its count.</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items)
{
    public int Count => Items.Count;
}
