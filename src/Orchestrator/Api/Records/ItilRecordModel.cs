using System.Text.Json;
using Itsm.Orchestrator.Records;

namespace Itsm.Orchestrator.Api.Records;

/// <summary>
/// A record of the ITIL lists: its indexed fields, its data (as written; a survey's token left out) and the instance
/// and step that last changed it (null for a change by hand).
/// </summary>
public sealed record ItilRecordModel(
    string Id,
    string Type,
    string? Number,
    string? Status,
    string? Priority,
    string? Title,
    long Version,
    JsonElement Data,
    string? InstanceId,
    string? ActivityId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ItilRecordModel From(ItilRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new ItilRecordModel(r.RecordId, r.RecordType, r.Number, r.Status, r.Priority, r.Title, r.Version, RecordData.Public(r.RecordType, r.DataJson),
            r.InstanceId.Length == 0 ? null : r.InstanceId, r.ActivityId.Length == 0 ? null : r.ActivityId, r.CreatedAt, r.UpdatedAt);
    }
}

/// <summary>One page of a record list; pass <see cref="Next"/> as <c>cursor</c> for the next (null: last page).</summary>
public sealed record ItilRecordPage(IReadOnlyList<ItilRecordModel> Items, string? Next);

/// <summary>A record with its links (to other records), the links to it, and its history, oldest change first.</summary>
public sealed record ItilRecordDetailsModel(
    ItilRecordModel Record,
    IReadOnlyList<LinkedRecord> Links,
    IReadOnlyList<LinkedRecord> LinkedFrom,
    IReadOnlyList<RecordHistoryEntry> History)
{
    public static ItilRecordDetailsModel From(RecordDetails d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new ItilRecordDetailsModel(ItilRecordModel.From(d.Record), d.Links, d.LinkedFrom, d.History);
    }
}
