using Itsm.Activities.Model;
using System.Data.Common;

namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// Maps rows selected with the <see cref="StoreColumns"/> lists (by ordinal, either provider's reader) to the contract records. Bookmark rows
/// carry their task's columns after the bookmark's own (<see cref="TaskTable.Read"/>).
/// </summary>
internal static class RecordReader
{
    public static InstanceRecord Instance(DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetInt32(3),
        NullableString(r, 4),
        (InstanceStatus)r.GetInt32(5),
        NullableString(r, 6),
        NullableString(r, 7),
        r.GetInt32(8),
        UtcTicks.ToDateTimeOffset(r.GetInt64(9)),
        UtcTicks.ToDateTimeOffset(r.GetInt64(10)),
        UtcTicks.ToDateTimeOffset(NullableInt64(r, 11)),
        r.GetInt64(12),
        r.GetString(13));

    public static BookmarkRecord Bookmark(DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        NullableString(r, 5),
        NullableString(r, 6),
        NullableString(r, 7),
        UtcTicks.ToDateTimeOffset(r.GetInt64(8)),
        UtcTicks.ToDateTimeOffset(NullableInt64(r, 9)),
        TaskTable.Read(r, StoreColumns.BookmarkCount));

    public static JournalRecord Journal(DbDataReader r) => new(
        r.GetString(0),
        r.GetInt64(1),
        r.GetString(2),
        r.GetString(3),
        NullableString(r, 4),
        r.GetString(5),
        UtcTicks.ToDateTimeOffset(r.GetInt64(6)),
        UtcTicks.ToDateTimeOffset(NullableInt64(r, 7)),
        NullableString(r, 8),
        NullableString(r, 9),
        NullableString(r, 10),
        NullableString(r, 11),
        NullableString(r, 12));

    public static FaultRecord Fault(DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        NullableString(r, 5),
        UtcTicks.ToDateTimeOffset(r.GetInt64(6)),
        UtcTicks.ToDateTimeOffset(NullableInt64(r, 7)));

    public static OutboxRecord Outbox(DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        NullableString(r, 2),
        r.GetString(3),
        UtcTicks.ToDateTimeOffset(r.GetInt64(4)),
        UtcTicks.ToDateTimeOffset(r.GetInt64(5)),
        r.GetInt32(6),
        NullableString(r, 7));

    public static StoredRecord Record(DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetInt64(2),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        UtcTicks.ToDateTimeOffset(r.GetInt64(6)),
        UtcTicks.ToDateTimeOffset(r.GetInt64(7)));

    private static string? NullableString(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static long? NullableInt64(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetInt64(ordinal);
}
