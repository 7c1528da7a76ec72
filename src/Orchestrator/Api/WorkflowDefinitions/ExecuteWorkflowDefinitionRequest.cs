using System.Text.Json;

namespace Itsm.Orchestrator.Api.WorkflowDefinitions;

/// <summary>
/// The optional body of <c>execute</c> (Studio's Run sends <c>{correlationId, triggerActivityId, versionOptions, input}</c>).
/// <see cref="Input"/> must be a JSON object: its properties become the workflow's input.
/// </summary>
public sealed record ExecuteWorkflowDefinitionRequest
{
    public string? CorrelationId { get; init; }
    public string? Name { get; init; }
    public JsonElement? Input { get; init; }
    public string? TriggerActivityId { get; init; }
    public string? VersionOptions { get; init; }
}
