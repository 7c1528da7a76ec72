using Itsm.Activities.Model;
using System.Data.Common;

namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// The Tasks table: a bookmark's <see cref="HumanTask"/>, keyed by the bookmark id. Its fields are declared once in
/// <see cref="Fields"/>, which builds both providers' INSERTs, the SELECT lists and the reader: a new task field is a
/// property on <see cref="HumanTask"/>, one line here, one on <c>TaskEntity</c> and an EF migration per provider.
/// </summary>
internal static class TaskTable
{
    // Written from the bookmark the task belongs to, so they are not part of HumanTask.
    private const string KeyColumns = "\"BookmarkId\", \"InstanceId\", \"CreatedAt\"";
    private const int KeyColumnCount = 3;

    /// <summary>The task's own columns, in the order they are bound and selected.</summary>
    public static readonly TableColumn<HumanTask>[] Fields =
    [
        new("Role", static t => t.Role, static (r, o, t) => t with { Role = NullableString(r, o) }),
        new("Title", static t => t.Title, static (r, o, t) => t with { Title = NullableString(r, o) }),
        new("DueAt", static t => UtcTicks.From(t.DueAt), static (r, o, t) => t with { DueAt = UtcTicks.ToDateTimeOffset(NullableInt64(r, o)) }),
        new("Priority", static t => t.Priority, static (r, o, t) => t with { Priority = r.IsDBNull(o) ? null : r.GetInt32(o) }),
    ];

    public static readonly int InsertParameterCount = KeyColumnCount + Fields.Length;

    /// <summary>The INSERT's column list: the key columns, then <see cref="Fields"/>.</summary>
    public static readonly string InsertColumns = KeyColumns + ", " + string.Join(", ", Fields.Select(f => Quote(f.Name)));

    /// <summary>The INSERT's values in <see cref="InsertColumns"/> order.</summary>
    public static object?[] Values(BookmarkRecord bookmark, HumanTask task)
    {
        var values = new object?[InsertParameterCount];
        values[0] = bookmark.Id;
        values[1] = bookmark.InstanceId;
        values[2] = UtcTicks.From(bookmark.CreatedAt);
        for (var i = 0; i < Fields.Length; i++) values[KeyColumnCount + i] = Fields[i].Value(task);
        return values;
    }

    /// <summary>
    /// The columns a bookmark SELECT appends (from a LEFT JOIN aliased <paramref name="alias"/>): the key, NULL when the
    /// bookmark is no task, then <see cref="Fields"/>. Read them back with <see cref="Read"/>.
    /// </summary>
    public static string SelectList(string alias) =>
        alias + ".\"BookmarkId\", " + string.Join(", ", Fields.Select(f => alias + "." + Quote(f.Name)));

    /// <summary>Reads the columns of <see cref="SelectList"/> starting at <paramref name="ordinal"/>; null when there is no task row.</summary>
    public static HumanTask? Read(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var task = new HumanTask();
        for (var i = 0; i < Fields.Length; i++)
        {
            task = Fields[i].Read(reader, ordinal + 1 + i, task);
        }

        return task;
    }

    private static string Quote(string name) => "\"" + name + "\"";

    private static string? NullableString(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static long? NullableInt64(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetInt64(ordinal);
}
