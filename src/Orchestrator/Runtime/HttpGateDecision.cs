namespace Itsm.Orchestrator.Runtime;

/// <summary>A gate's answer: go ahead (a start may be given the instance id to use) or stop here.</summary>
public readonly record struct HttpGateDecision(bool Proceed, string? InstanceId)
{
    public static HttpGateDecision Continue(string? instanceId = null) => new(true, instanceId);

    public static readonly HttpGateDecision Stop = new(false, null);
}
