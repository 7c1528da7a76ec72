namespace Itsm.Orchestrator.Api.WorkflowDefinitions;

/// <summary>The answer of <c>validation/is-name-unique</c>.</summary>
public sealed record IsNameUniqueResponse(bool IsUnique);
