namespace Itsm.Activities.Model;

/// <summary>What <c>Elsa.ExecuteWorkflow</c> asks the runtime to start, carried on its bookmark.</summary>
public sealed record ChildWorkflowRequest(
    string WorkflowDefinitionId,
    string? CorrelationId,
    IReadOnlyDictionary<string, object?>? Input,
    bool WaitForCompletion)
{
    /// <summary>Set by the runtime once the child exists, so a restart can reconnect parent and child.</summary>
    public string? ChildInstanceId { get; init; }
}
