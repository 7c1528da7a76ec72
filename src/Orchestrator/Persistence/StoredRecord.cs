namespace Itsm.Orchestrator.Persistence;

/// <summary>A service-management record as stored: its data, version (one per change) and the step that last changed it.</summary>
public sealed record StoredRecord(
    string RecordType,
    string RecordId,
    long Version,
    string DataJson,
    string InstanceId,
    string ActivityId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
