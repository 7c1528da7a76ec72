using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>The answer to cancel and retry: the instance and where it stands now.</summary>
public sealed record InstanceCommandResponse(string InstanceId, InstanceStatus? Status);
