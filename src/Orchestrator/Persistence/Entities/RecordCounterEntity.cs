namespace Itsm.Orchestrator.Persistence.Entities;

/// <summary>
/// Row of the RecordCounters table: the last human number handed out for one record type
/// (see <see cref="Records.RecordNumbers"/>). One row per type, created by the first allocation.
/// </summary>
internal sealed class RecordCounterEntity
{
    public required string RecordType { get; set; }
    public long Value { get; set; }
}
