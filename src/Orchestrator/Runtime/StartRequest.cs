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
    /// <summary>The new instance's id (idempotent starts); a fresh id when null. An id already taken is a conflict.</summary>
    public string? InstanceId { get; init; }
}
