using System.Text.Json;
using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Api.Records;

/// <summary>A service-management record: its data as JSON, its version, and the instance and step that last changed it.</summary>
public sealed record RecordModel(
    string Type,
    string Id,
    long Version,
    JsonElement Data,
    string InstanceId,
    string ActivityId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static RecordModel From(StoredRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new RecordModel(record.RecordType, record.RecordId, record.Version, Itsm.Orchestrator.Records.RecordData.Public(record.RecordType, record.DataJson), record.InstanceId,
            record.ActivityId, record.CreatedAt, record.UpdatedAt);
    }
}
