namespace Itsm.Activities.Ports;

/// <summary>
/// Reads committed service-management records (the host implements it over its store). Changes a burst has made but
/// not yet committed are on <see cref="Model.ActivityContext.PendingRecord"/>.
/// </summary>
public interface IRecordReader
{
    /// <summary>The record's data as plain data, or null when it does not exist.</summary>
    Task<RecordSnapshot?> FindAsync(string recordType, string recordId, CancellationToken cancellationToken);
}

/// <summary>A record as committed: its data and version (incremented by every change).</summary>
public sealed record RecordSnapshot(string RecordType, string RecordId, long Version, object? Data);
