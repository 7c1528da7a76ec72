namespace Itsm.Orchestrator.Records;

/// <summary>A record as the lists show it: the stored record and its indexed fields.</summary>
public sealed record ItilRecord(
    string RecordType,
    string RecordId,
    long Version,
    string DataJson,
    string? Number,
    string? Status,
    string? Priority,
    string? Title,
    string InstanceId,
    string ActivityId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>One page of a record list and the cursor of the next (null on the last page).</summary>
public sealed record RecordPage(IReadOnlyList<ItilRecord> Items, string? Next);

/// <summary>A record with its links both ways and its history, oldest change first.</summary>
public sealed record RecordDetails(ItilRecord Record, IReadOnlyList<LinkedRecord> Links, IReadOnlyList<LinkedRecord> LinkedFrom, IReadOnlyList<RecordHistoryEntry> History);

/// <summary>The other end of a link, with its number and title when it exists (null when it is not, or no longer, stored).</summary>
public sealed record LinkedRecord(string Type, string Id, string? Number, string? Title, string? Relation);

/// <summary>One change of a record: by a step of an instance, or by hand (<see cref="Actor"/>).</summary>
public sealed record RecordHistoryEntry(long Version, string Operation, string? InstanceId, string? ActivityId, string? Actor, DateTimeOffset At);
