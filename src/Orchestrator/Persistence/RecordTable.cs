namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// The record side of a commit, declared once for both providers: the Records upsert with the projected columns
/// (<see cref="Projected"/>), the RecordLinks rows of the record and the RecordChanges history row. The statements are
/// portable SQL (ON CONFLICT upsert, INSERT … SELECT), so each provider only picks its parameter spelling
/// (<c>@p0</c> or <c>$1</c>); a new indexed field is one line in <see cref="Projected"/>, one property on the entity and
/// a migration.
/// </summary>
internal static class RecordTable
{
    /// <summary>The indexed columns projected from the data, in the order they are bound after the fixed ones.</summary>
    public static readonly (string Name, Func<RecordProjection, string?> Value)[] Projected =
    [
        ("Number", static p => p.Number),
        ("Status", static p => p.Status),
        ("Priority", static p => p.Priority),
        ("Title", static p => p.Title),
        ("SearchText", static p => p.SearchText),
    ];

    /// <summary>
    /// Parameters of <see cref="Upsert"/>: type, id, data, instance, activity, at, then <see cref="Projected"/>, then the
    /// expected version and the number of changes the write stands for (<see cref="RecordWrite.Changes"/>).
    /// </summary>
    public static readonly int UpsertParameterCount = 8 + Projected.Length;

    public static readonly int ExpectedVersionParameter = 6 + Projected.Length;

    public static readonly int ChangesParameter = 7 + Projected.Length;

    /// <summary>
    /// Insert or replace the record (its version counts every change: a write standing for several changes of one commit
    /// moves it by that many, <see cref="RecordWrite.Changes"/>). With an expected version
    /// (<see cref="RecordWrite.ExpectedVersion"/>), an existing record is replaced only at that version: otherwise the
    /// statement changes no row, and the store refuses the commit (<see cref="RecordConflictException"/>). A change made
    /// from a version (> 0) runs as <see cref="RecordStatement.UpsertExisting"/>, which returns the version written: one
    /// that comes back as a first insert (<see cref="Resurrects"/>) was made from a record deleted since, and is refused
    /// too. Only those pay for RETURNING: on SQLite it cost the start path about 15 % (measured, A.1.1 peak).
    /// </summary>
    public static string Upsert(Func<int, string> parameter)
    {
        var projected = Projected.Select((c, i) => (Column: Quote(c.Name), Parameter: parameter(6 + i))).ToArray();
        // Typed in the text: PostgreSQL cannot infer a type for a null compared only with IS NULL.
        var expected = $"CAST({parameter(ExpectedVersionParameter)} AS BIGINT)";
        var changes = $"CAST({parameter(ChangesParameter)} AS BIGINT)";
        return "INSERT INTO \"Records\" (" + StoreColumns.Record + ", " + string.Join(", ", projected.Select(c => c.Column)) + ") " +
            $"VALUES ({parameter(0)}, {parameter(1)}, {changes}, {parameter(2)}, {parameter(3)}, {parameter(4)}, {parameter(5)}, {parameter(5)}, " +
            string.Join(", ", projected.Select(c => c.Parameter)) + ") " +
            $"ON CONFLICT (\"RecordType\", \"RecordId\") DO UPDATE SET \"Version\" = \"Records\".\"Version\" + {changes}, " +
            "\"DataJson\" = excluded.\"DataJson\", \"InstanceId\" = excluded.\"InstanceId\", \"ActivityId\" = excluded.\"ActivityId\", " +
            "\"UpdatedAt\" = excluded.\"UpdatedAt\", " +
            string.Join(", ", projected.Select(c => $"{c.Column} = excluded.{c.Column}")) +
            $" WHERE {expected} IS NULL OR \"Records\".\"Version\" = {expected}";
    }

    /// <summary>
    /// True when the upsert inserted a record that <paramref name="r"/> expected to find at a version: an update leaves
    /// at least that version plus <see cref="RecordWrite.Changes"/>, a first insert exactly the changes.
    /// </summary>
    public static bool Resurrects(RecordWrite r, long writtenVersion) => r.ExpectedVersion > 0 && writtenVersion == r.Changes;

    /// <summary>The upsert's values in <see cref="Upsert"/>'s parameter order.</summary>
    public static object?[] UpsertValues(RecordWrite r)
    {
        var values = new object?[UpsertParameterCount];
        values[0] = r.RecordType;
        values[1] = r.RecordId;
        values[2] = r.DataJson;
        values[3] = r.InstanceId;
        values[4] = r.ActivityId;
        values[5] = UtcTicks.From(r.At);
        for (var i = 0; i < Projected.Length; i++) values[6 + i] = Projected[i].Value(r.Projection);
        values[ExpectedVersionParameter] = r.ExpectedVersion;
        values[ChangesParameter] = (long)r.Changes;
        return values;
    }

    public static string Delete(Func<int, string> parameter) =>
        $"DELETE FROM \"Records\" WHERE \"RecordType\" = {parameter(0)} AND \"RecordId\" = {parameter(1)}";

    /// <summary>Removes the record's own links (type, id): each write replaces them, a delete drops them.</summary>
    public static string DeleteLinks(Func<int, string> parameter) =>
        $"DELETE FROM \"RecordLinks\" WHERE \"FromType\" = {parameter(0)} AND \"FromId\" = {parameter(1)}";

    public const int InsertLinkParameterCount = 5;

    public static string InsertLink(Func<int, string> parameter) =>
        "INSERT INTO \"RecordLinks\" (\"FromType\", \"FromId\", \"ToType\", \"ToId\", \"Relation\") " +
        $"VALUES ({parameter(0)}, {parameter(1)}, {parameter(2)}, {parameter(3)}, {parameter(4)})";

    public static object?[] LinkValues(RecordWrite r, RecordLink link) => [r.RecordType, r.RecordId, link.ToType, link.ToId, link.Relation];

    public const int HistoryParameterCount = 8;

    /// <summary>
    /// The history row of a change, with the version the record has after it: the stored version plus an offset. Run
    /// after the upsert (the row holds the newest version; an earlier change of the same write is a version or more
    /// back) and before a delete (the delete is the version after the last one, +1); a delete of a record that does not
    /// exist writes no history.
    /// </summary>
    public static string InsertHistory(Func<int, string> parameter) =>
        "INSERT INTO \"RecordChanges\" (\"RecordType\", \"RecordId\", \"Version\", \"InstanceId\", \"ActivityId\", \"Actor\", \"At\", \"Operation\") " +
        $"SELECT \"RecordType\", \"RecordId\", \"Version\" + CAST({parameter(7)} AS BIGINT), {parameter(2)}, {parameter(3)}, {parameter(4)}, {parameter(5)}, {parameter(6)} " +
        $"FROM \"Records\" WHERE \"RecordType\" = {parameter(0)} AND \"RecordId\" = {parameter(1)}";

    private static object?[] HistoryValues(RecordWrite r, string activityId, long versionOffset) =>
        [r.RecordType, r.RecordId, r.InstanceId, activityId, r.Actor, UtcTicks.From(r.At), r.Operation, versionOffset];

    /// <summary>
    /// Every statement of one record write, in order, with its values: what both stores run in the commit's transaction.
    /// </summary>
    public static IEnumerable<(RecordStatement Statement, object?[] Values)> Statements(RecordWrite r)
    {
        object?[] key = [r.RecordType, r.RecordId];
        if (r.IsDelete)
        {
            yield return (RecordStatement.History, HistoryValues(r, r.ActivityId, 1));
            yield return (RecordStatement.DeleteLinks, key);
            yield return (RecordStatement.Delete, key);
            yield break;
        }

        yield return (r.ExpectedVersion > 0 ? RecordStatement.UpsertExisting : RecordStatement.Upsert, UpsertValues(r));
        var earlier = r.EarlierActivityIds;
        for (var i = 0; i < earlier.Count; i++) yield return (RecordStatement.History, HistoryValues(r, earlier[i], i - earlier.Count));
        yield return (RecordStatement.History, HistoryValues(r, r.ActivityId, 0));
        // A record that must not have existed has no links to replace (had it appeared since, the upsert refused the commit).
        if (r.ExpectedVersion != 0) yield return (RecordStatement.DeleteLinks, key);
        foreach (var link in r.Projection.Links) yield return (RecordStatement.InsertLink, LinkValues(r, link));
    }

    /// <summary>The SQL of every <see cref="RecordStatement"/> in one provider's parameter spelling, indexed by the enum.</summary>
    public static string[] Sql(Func<int, string> parameter) =>
    [
        Upsert(parameter),
        Upsert(parameter) + " RETURNING \"Version\"",
        Delete(parameter),
        DeleteLinks(parameter),
        InsertLink(parameter),
        InsertHistory(parameter),
    ];

    /// <summary>How many parameters each <see cref="RecordStatement"/> binds, indexed by the enum.</summary>
    public static readonly int[] ParameterCounts = [UpsertParameterCount, UpsertParameterCount, 2, 2, InsertLinkParameterCount, HistoryParameterCount];

    private static string Quote(string name) => "\"" + name + "\"";
}

/// <summary>The statements of a record write (the index into <see cref="RecordTable.Sql"/>).</summary>
internal enum RecordStatement
{
    Upsert,
    /// <summary>The upsert of a change made from a stored version, returning the version written.</summary>
    UpsertExisting,
    Delete,
    DeleteLinks,
    InsertLink,
    History,
}
