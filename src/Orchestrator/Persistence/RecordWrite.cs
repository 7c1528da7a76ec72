namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// A service-management record change committed with the step that made it (see
/// <see cref="Itsm.Activities.Model.RecordChange"/>). <see cref="DataJson"/> is null for a delete.
/// </summary>
public sealed record RecordWrite(string RecordType, string RecordId, string? DataJson, string InstanceId, string ActivityId, DateTimeOffset At)
{
    public bool IsDelete => DataJson is null;
}
