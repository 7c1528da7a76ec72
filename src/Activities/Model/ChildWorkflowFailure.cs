namespace Itsm.Activities.Model;

/// <summary>Handed to <c>Elsa.ExecuteWorkflow</c> when its child could not be started: the step faults with the reason.</summary>
public sealed record ChildWorkflowFailure(string Reason);
