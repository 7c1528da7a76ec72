namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// A record changed since the burst read it (<see cref="RecordWrite.ExpectedVersion"/>): nothing of the commit was written.
/// The runtime runs the burst again on the record as it is now (bounded, as for <see cref="ConcurrencyConflictException"/>).
/// </summary>
public sealed class RecordConflictException(string recordType, string recordId)
    : Exception($"Record {recordType} '{recordId}' was changed by another execution.")
{
    public string RecordType { get; } = recordType;

    public string RecordId { get; } = recordId;
}
