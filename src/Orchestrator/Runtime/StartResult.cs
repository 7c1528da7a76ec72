using Itsm.Activities.Engine;
using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Runtime;

public enum StartOutcome
{
    Started,
    DefinitionNotFound,
    InvalidTrigger,
    InvalidDefinition,
}

/// <summary>A committed start (<see cref="State"/> is the instance after its first burst) or why nothing started.</summary>
public sealed record StartResult(StartOutcome Outcome, string? Message, WorkflowState? State, HttpResponseSpec? HttpResponse)
{
    public string? InstanceId => State?.InstanceId;
}
