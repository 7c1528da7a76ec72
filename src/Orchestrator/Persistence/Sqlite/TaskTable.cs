using Itsm.Activities.Model;
using Microsoft.Data.Sqlite;

namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary>
/// The Tasks table: a bookmark's <see cref="HumanTask"/>, keyed by the bookmark id. Its fields are declared once in
/// <see cref="Fields"/>, which builds the writer's INSERT, the SELECT lists and the reader: a new task field is a
/// property on <see cref="HumanTask"/>, one line here, one on <c>TaskEntity</c> and an EF migration.
/// </summary>
internal static class TaskTable
{
    // Written from the bookmark the task belongs to, so they are not part of HumanTask.
    private const string KeyColumns = "\"BookmarkId\", \"InstanceId\", \"CreatedAt\"";
    private const int KeyColumnCount = 3;

    /// <summary>The task's own columns, in the order they are bound and selected.</summary>
    public static readonly TableColumn<HumanTask>[] Fields =
    [
        new("Role", static (s, p, t) => s.Set(p, t.Role), static (r, o, t) => t with { Role = NullableString(r, o) }),
        new("Title", static (s, p, t) => s.Set(p, t.Title), static (r, o, t) => t with { Title = NullableString(r, o) }),
        new("DueAt", static (s, p, t) => s.Set(p, UtcTicks.From(t.DueAt)), static (r, o, t) => t with { DueAt = UtcTicks.ToDateTimeOffset(NullableInt64(r, o)) }),
        new("Priority", static (s, p, t) => s.Set(p, (long?)t.Priority), static (r, o, t) => t with { Priority = r.IsDBNull(o) ? null : r.GetInt32(o) }),
    ];

    public static readonly int InsertParameterCount = KeyColumnCount + Fields.Length;

    public static readonly string Insert =
        "INSERT INTO \"Tasks\" (" + KeyColumns + ", " + string.Join(", ", Fields.Select(f => Quote(f.Name))) + ") VALUES (" +
        string.Join(", ", Enumerable.Range(0, InsertParameterCount).Select(p => "@p" + p)) + ")";

    // Scoped to the instance like the bookmark's own delete.
    public const string Delete = "DELETE FROM \"Tasks\" WHERE \"BookmarkId\" = @p0 AND \"InstanceId\" = @p1";

    public const string DeleteOfInstance = "DELETE FROM \"Tasks\" WHERE \"InstanceId\" = @p0";

    /// <summary>
    /// The columns a bookmark SELECT appends (from a LEFT JOIN aliased <paramref name="alias"/>): the key, NULL when the
    /// bookmark is no task, then <see cref="Fields"/>. Read them back with <see cref="Read"/>.
    /// </summary>
    public static string SelectList(string alias) =>
        alias + ".\"BookmarkId\", " + string.Join(", ", Fields.Select(f => alias + "." + Quote(f.Name)));

    public static void Bind(WriterStatement statement, BookmarkRecord bookmark, HumanTask task)
    {
        statement.Set(0, bookmark.Id).Set(1, bookmark.InstanceId).Set(2, UtcTicks.From(bookmark.CreatedAt));
        for (var i = 0; i < Fields.Length; i++)
        {
            Fields[i].Bind(statement, KeyColumnCount + i, task);
        }
    }

    /// <summary>Reads the columns of <see cref="SelectList"/> starting at <paramref name="ordinal"/>; null when there is no task row.</summary>
    public static HumanTask? Read(SqliteDataReader reader, int ordinal)
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

    private static string? NullableString(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static long? NullableInt64(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetInt64(ordinal);
}
