namespace Itsm.Activities.Model;

/// <summary>What a parent receives when its child workflow has finished (Elsa's ExecuteWorkflowResult).</summary>
public sealed record ChildWorkflowResult(
    string WorkflowInstanceId,
    InstanceStatus Status,
    IReadOnlyDictionary<string, object?>? Output);
