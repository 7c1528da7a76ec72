using Itsm.Orchestrator.Definitions;

namespace Itsm.Orchestrator.Runtime;

/// <summary>Start a new instance of a definition (published version unless <see cref="VersionOptions"/> says otherwise).</summary>
public sealed record StartRequest(string DefinitionId)
{
    public VersionOptions VersionOptions { get; init; } = VersionOptions.Published;
    public string? CorrelationId { get; init; }
    public IReadOnlyDictionary<string, object?>? Input { get; init; }
    /// <summary>Start at this trigger activity instead of the start node, handing it <see cref="TriggerInput"/>.</summary>
    public string? TriggerActivityId { get; init; }
    public object? TriggerInput { get; init; }
    /// <summary>Start under this id instead of a new one (a webhook's idempotency reservation picks it before the start; a delivery of the outbox derives it). An id already taken is a conflict.</summary>
    public string? InstanceId { get; init; }
}
