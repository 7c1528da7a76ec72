namespace Itsm.Orchestrator.Api.Common;

/// <summary>Elsa's <c>OrderDirection</c>.</summary>
public enum OrderDirection
{
    Ascending,
    Descending,
}
