namespace Itsm.Orchestrator.Records;

/// <summary>
/// A page of one record type, newest first, keyset-paged from <see cref="After"/> (the previous page's cursor).
/// Filters are optional and combine: <see cref="Ci"/> is a configuration item's id linked either way,
/// <see cref="InstanceId"/> an instance that created or changed the record, <see cref="Text"/> a case-insensitive
/// substring of the number or title.
/// </summary>
public sealed record RecordListQuery(string RecordType)
{
    public const int MaxPageSize = 200;

    public string? Status { get; init; }
    public string? Priority { get; init; }
    public string? Ci { get; init; }
    public string? InstanceId { get; init; }
    public string? Text { get; init; }
    public RecordCursor? After { get; init; }
    public int PageSize { get; init; } = 50;
}
