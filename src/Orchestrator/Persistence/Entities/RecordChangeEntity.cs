namespace Itsm.Orchestrator.Persistence.Entities;

/// <summary>
/// Row of the RecordChanges table: one per change of a record, written in the change's commit, so a record lists the
/// instances and steps (or, for a change by hand, the actor) that created and changed it. Kept when the record or the
/// instance is deleted: it is the record's history.
/// </summary>
internal sealed class RecordChangeEntity
{
    public long Id { get; set; }
    public required string RecordType { get; set; }
    public required string RecordId { get; set; }
    public long Version { get; set; }

    /// <summary>Empty for a change made by hand.</summary>
    public required string InstanceId { get; set; }

    public required string ActivityId { get; set; }

    /// <summary>Who made a change by hand; empty for a step's change.</summary>
    public required string Actor { get; set; }

    public long At { get; set; }

    /// <summary><see cref="RecordOperations.Upsert"/> or <see cref="RecordOperations.Delete"/>.</summary>
    public required string Operation { get; set; }
}
