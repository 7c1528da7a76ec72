namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>Elsa's <c>ResolvedVariableModel</c>: a variable's id (from the definition), name and current value.</summary>
public sealed record ResolvedVariableModel(string Id, string Name, object? Value);
