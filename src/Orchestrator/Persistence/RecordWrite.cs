namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// A service-management record change committed with the step that made it (see
/// <see cref="Itsm.Activities.Model.RecordChange"/>), or by a person through the API (<see cref="InstanceId"/> and
/// <see cref="ActivityId"/> empty, <see cref="Actor"/> set). <see cref="DataJson"/> is null for a delete.
/// </summary>
public sealed record RecordWrite(string RecordType, string RecordId, string? DataJson, string InstanceId, string ActivityId, DateTimeOffset At)
{
    public bool IsDelete => DataJson is null;

    /// <summary>Who made a change by hand (a user or API key name); empty for a step's change.</summary>
    public string Actor { get; init; } = "";

    /// <summary>The indexed fields and links of <see cref="DataJson"/>, projected once when the write is built.</summary>
    public RecordProjection Projection { get; } = RecordProjection.Of(DataJson);

    /// <summary>The history row's operation.</summary>
    public string Operation => IsDelete ? RecordOperations.Delete : RecordOperations.Upsert;
}

/// <summary>The <c>Operation</c> values of the RecordChanges history.</summary>
public static class RecordOperations
{
    public const string Upsert = "upsert";
    public const string Delete = "delete";
}
