using Itsm.Orchestrator.Api.Common;

namespace Itsm.Orchestrator.Api.Events;

/// <summary>The instances the event resumed or started (empty when nothing was waiting for it).</summary>
public sealed record TriggerEventResponse(IReadOnlyList<ResumedInstanceResponse> Instances)
{
    public IReadOnlyList<string> InstanceIds => Instances.Select(instance => instance.InstanceId).OfType<string>().ToList();
}
