namespace Itsm.Orchestrator.Persistence.Entities;

/// <summary>
/// Row of the RecordLinks table: a link a record's data declares (its <c>links</c>), replaced on every write of the
/// record. Read both ways: a record's own links by (FromType, FromId), the links to it by (ToType, ToId).
/// </summary>
internal sealed class RecordLinkEntity
{
    public required string FromType { get; set; }
    public required string FromId { get; set; }
    public required string ToType { get; set; }
    public required string ToId { get; set; }

    /// <summary>Empty when the data names none.</summary>
    public required string Relation { get; set; }
}
