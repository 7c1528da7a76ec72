using Itsm.Activities.Engine;

namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// What a webhook request matched: a published trigger to start (<see cref="InstanceId"/> null, <see cref="Workflow"/>
/// the version that would start) or an endpoint waiting in <see cref="InstanceId"/>. <see cref="Authorize"/> and
/// <see cref="Policy"/> are the endpoint's own <c>authorize</c>/<c>policy</c> inputs.
/// </summary>
public sealed record HttpDispatchTarget(
    string DefinitionId,
    string ActivityId,
    string? InstanceId,
    bool Authorize,
    string? Policy,
    CompiledWorkflow? Workflow)
{
    public bool IsStart => InstanceId is null;
}
