namespace Itsm.Activities.Model;

/// <summary>
/// A change to a service-management record (an incident, a change, a configuration item…) made by a step. The engine
/// collects a step's changes and reports them with the burst; the runtime commits them in the same transaction as the
/// step, so a record never exists without its step nor a step without its record. A step that faults drops its changes:
/// a retried step writes once. <see cref="Data"/> is plain data (dictionaries, lists, strings, numbers, booleans).
/// </summary>
public sealed record RecordChange(string RecordType, string RecordId, RecordOperation Operation, object? Data)
{
    /// <summary>The step that made the change (set by the engine).</summary>
    public string ActivityId { get; init; } = "";

    /// <summary>
    /// The version of the record the change was made from (0: the record did not exist), taken from what the burst read
    /// (<see cref="ActivityContext.NoteRecordRead"/>) when not set. The commit is refused if the record has moved since,
    /// and the burst runs again on what is there now, so two instances changing one record (a spare part's stock) never
    /// lose an update. Null: written whatever the record's version.
    /// </summary>
    public long? ExpectedVersion { get; init; }
}

public enum RecordOperation
{
    /// <summary>Create the record, or replace its data (its version goes up by one).</summary>
    Upsert,
    Delete,
}
