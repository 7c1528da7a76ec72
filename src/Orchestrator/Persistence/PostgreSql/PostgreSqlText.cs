namespace Itsm.Orchestrator.Persistence.PostgreSql;

/// <summary>
/// The raw SQL of PostgreSQL's store, with positional parameters ($1 …) so Npgsql sends it unparsed and can prepare it
/// (column lists: <see cref="StoreColumns"/>). Everything filters or orders on the EF model's indexes.
/// </summary>
internal static class PostgreSqlText
{
    private static readonly string SelectBookmarks = StoreColumns.SelectBookmarkWithTask + " FROM \"Bookmarks\" b" + StoreColumns.JoinTask;

    private static string Values(int from, int count) =>
        string.Join(", ", Enumerable.Range(from, count).Select(p => "$" + p));

    // --- the commit batch -------------------------------------------------------------------------------------

    // A guard fails the whole batch with division_by_zero (22012) when it changed no row, so a commit is one round
    // trip: the batch runs in one implicit transaction, and the error rolls all of it back. The data-modifying CTE runs
    // exactly once; the division is evaluated at run time (a count, not a constant the planner could fold).
    public const string GuardFailedState = "22012";

    // A record's guard fails differently (ln(0): invalid_argument_for_logarithm, 2201E), so the store tells a record that
    // moved from a lost revision race even when Npgsql does not name the failed command.
    public const string RecordGuardFailedState = "2201E";

    // A new instance: somebody created it first (a raced start under one reserved id) → guard fails.
    public static readonly string InsertInstanceGuarded =
        "WITH i AS (INSERT INTO \"Instances\" (" + StoreColumns.Instance + ") VALUES (" + Values(1, StoreColumns.InstanceCount) + ") " +
        "ON CONFLICT (\"Id\") DO NOTHING RETURNING 1) SELECT 1 / (SELECT count(*)::int FROM i)";

    // The revision the burst started from must still be stored → otherwise the guard fails.
    public static readonly string UpdateInstanceGuarded =
        "WITH u AS (UPDATE \"Instances\" SET \"DefinitionId\" = $2, \"DefinitionVersionId\" = $3, \"Version\" = $4, \"Name\" = $5, " +
        "\"Status\" = $6, \"CorrelationId\" = $7, \"ParentInstanceId\" = $8, \"FaultCount\" = $9, \"CreatedAt\" = $10, " +
        "\"UpdatedAt\" = $11, \"FinishedAt\" = $12, \"Revision\" = $13, \"StateJson\" = $14 " +
        "WHERE \"Id\" = $1 AND \"Revision\" = $15 RETURNING 1) SELECT 1 / (SELECT count(*)::int FROM u)";

    public static readonly string InsertBookmark =
        "INSERT INTO \"Bookmarks\" (" + StoreColumns.Bookmark + ") VALUES (" + Values(1, StoreColumns.BookmarkCount) + ")";

    public static readonly string InsertTask =
        "INSERT INTO \"Tasks\" (" + TaskTable.InsertColumns + ") VALUES (" + Values(1, TaskTable.InsertParameterCount) + ")";

    // Scoped to the instance so one instance's write can never remove another instance's bookmark (or task).
    public const string DeleteBookmark = "DELETE FROM \"Bookmarks\" WHERE \"Id\" = $1 AND \"InstanceId\" = $2";

    public const string DeleteTask = "DELETE FROM \"Tasks\" WHERE \"BookmarkId\" = $1 AND \"InstanceId\" = $2";

    public static readonly string InsertJournal =
        "INSERT INTO \"Journal\" (" + StoreColumns.Journal + ") VALUES (" + Values(1, StoreColumns.JournalCount) + ")";

    public static readonly string InsertFault =
        "INSERT INTO \"Faults\" (" + StoreColumns.Fault + ") VALUES (" + Values(1, 8) + ")";

    public const string ResolveFault =
        "UPDATE \"Faults\" SET \"ResolvedAt\" = $3 WHERE \"Id\" = $1 AND \"InstanceId\" = $2 AND \"ResolvedAt\" IS NULL";

    public static readonly string InsertOutbox =
        "INSERT INTO \"Outbox\" (" + StoreColumns.Outbox + ") VALUES (" + Values(1, 8) + ")";

    /// <summary>The record side of a commit (<see cref="RecordTable"/>), indexed by <see cref="RecordStatement"/>.</summary>
    public static readonly string[] RecordStatements = Guarded(RecordTable.Sql(p => "$" + (p + 1)));

    /// <summary>
    /// The record upsert made to fail (<see cref="RecordGuardFailedState"/>) when it changed no row (a record that moved) or
    /// inserted one it expected to find (deleted since; see <see cref="RecordTable.Resurrects"/>).
    /// </summary>
    private static string[] Guarded(string[] statements)
    {
        statements[(int)RecordStatement.Upsert] = "WITH r AS (" + statements[(int)RecordStatement.Upsert] + " RETURNING 1) " +
            "SELECT ln((SELECT count(*) FROM r)::float8)";
        statements[(int)RecordStatement.UpsertExisting] = "WITH r AS (" + statements[(int)RecordStatement.UpsertExisting] + ") " +
            $"SELECT ln((SELECT count(*) FROM r WHERE r.\"Version\" <> CAST(${RecordTable.ChangesParameter + 1} AS BIGINT))::float8)";
        return statements;
    }

    public const string ClearAttempts = "DELETE FROM \"InstanceAttempts\" WHERE \"InstanceId\" = $1";

    // --- other writes ----------------------------------------------------------------------------------------------

    public const string DeleteTasksOfInstance = "DELETE FROM \"Tasks\" WHERE \"InstanceId\" = ANY($1)";
    public const string DeleteBookmarksOfInstance = "DELETE FROM \"Bookmarks\" WHERE \"InstanceId\" = ANY($1)";
    public const string DeleteJournalOfInstance = "DELETE FROM \"Journal\" WHERE \"InstanceId\" = ANY($1)";
    public const string DeleteFaultsOfInstance = "DELETE FROM \"Faults\" WHERE \"InstanceId\" = ANY($1)";
    public const string DeleteInstances = "DELETE FROM \"Instances\" WHERE \"Id\" = ANY($1)";

    /// <summary>
    /// Claims due rows for this node until the lease ($2): SKIP LOCKED lets every node's dispatcher claim at once
    /// without two of them taking one row or waiting on each other.
    /// </summary>
    public static readonly string ClaimOutbox =
        "UPDATE \"Outbox\" o SET \"AvailableAt\" = $2 FROM (SELECT \"Id\" FROM \"Outbox\" WHERE \"AvailableAt\" <= $1 " +
        "ORDER BY \"AvailableAt\", \"Id\" LIMIT $3 FOR UPDATE SKIP LOCKED) due WHERE o.\"Id\" = due.\"Id\" " +
        "RETURNING o.\"Id\", o.\"Kind\", o.\"InstanceId\", o.\"PayloadJson\", o.\"CreatedAt\", o.\"AvailableAt\", o.\"Attempts\", o.\"LastError\"";

    public const string DeleteOutbox = "DELETE FROM \"Outbox\" WHERE \"Id\" = $1";

    public const string FailOutbox =
        "UPDATE \"Outbox\" SET \"AvailableAt\" = $2, \"LastError\" = $3, \"Attempts\" = \"Attempts\" + 1 WHERE \"Id\" = $1";

    public const string CountAttempt =
        "INSERT INTO \"InstanceAttempts\" (\"InstanceId\", \"Count\", \"LastAttemptAt\") VALUES ($1, 1, $2) " +
        "ON CONFLICT (\"InstanceId\") DO UPDATE SET \"Count\" = \"InstanceAttempts\".\"Count\" + 1, \"LastAttemptAt\" = $2 RETURNING \"Count\"";

    public const string ReserveNumbers =
        "INSERT INTO \"RecordCounters\" (\"RecordType\", \"Value\") VALUES ($1, $2) " +
        "ON CONFLICT (\"RecordType\") DO UPDATE SET \"Value\" = \"RecordCounters\".\"Value\" + EXCLUDED.\"Value\" RETURNING \"Value\"";

    // --- reads --------------------------------------------------------------------------------------------------------

    public static readonly string FindInstance = "SELECT " + StoreColumns.Instance + " FROM \"Instances\" WHERE \"Id\" = $1";

    public static readonly string FindBookmark = SelectBookmarks + " WHERE b.\"Id\" = $1";

    public static readonly string ListBookmarksOfInstance = SelectBookmarks + " WHERE b.\"InstanceId\" = $1 ORDER BY b.\"CreatedAt\", b.\"Id\"";

    public static readonly string ListBookmarksOfKind = SelectBookmarks + " WHERE b.\"Kind\" = $1 ORDER BY b.\"CreatedAt\", b.\"Id\"";

    public static readonly string ListTimerBookmarks = SelectBookmarks + " WHERE b.\"ResumeAt\" IS NOT NULL ORDER BY b.\"ResumeAt\", b.\"Id\"";

    /// <summary>Timers due before $1 whose instance is not Faulted (a faulted instance's timers wait for its retry).</summary>
    public static readonly string ListDueTimers =
        StoreColumns.SelectBookmarkWithTask + " FROM \"Bookmarks\" b JOIN \"Instances\" i ON i.\"Id\" = b.\"InstanceId\"" + StoreColumns.JoinTask +
        " WHERE b.\"ResumeAt\" IS NOT NULL AND b.\"ResumeAt\" <= $1 AND i.\"Status\" <> $2 ORDER BY b.\"ResumeAt\", b.\"Id\" LIMIT $3";

    /// <summary>One statement per filter shape, each a plain index seek (see the SQLite store); $1 kind, then the others present.</summary>
    public static string FindBookmarks(bool hasKey, bool hasCorrelation, bool hasInstance)
    {
        var sql = SelectBookmarks + " WHERE b.\"Kind\" = $1";
        var next = 2;
        sql += hasKey ? $" AND b.\"Key\" = ${next++}" : " AND b.\"Key\" IS NULL";
        if (hasCorrelation) sql += $" AND b.\"CorrelationId\" = ${next++}";
        if (hasInstance) sql += $" AND b.\"InstanceId\" = ${next}";
        return sql + " ORDER BY b.\"CreatedAt\", b.\"Id\"";
    }

    public static readonly string ListOutbox = "SELECT " + StoreColumns.Outbox + " FROM \"Outbox\" ORDER BY \"CreatedAt\", \"Id\" LIMIT $1 OFFSET $2";

    public const string CountOutbox = "SELECT COUNT(*) FROM \"Outbox\"";

    public static readonly string FindRecord = "SELECT " + StoreColumns.Record + " FROM \"Records\" WHERE \"RecordType\" = $1 AND \"RecordId\" = $2";

    public static readonly string ListRecords =
        "SELECT " + StoreColumns.Record + " FROM \"Records\" WHERE \"RecordType\" = $1 ORDER BY \"RecordId\" LIMIT $2 OFFSET $3";

    public const string CountRecords = "SELECT COUNT(*) FROM \"Records\" WHERE \"RecordType\" = $1";

    public static readonly string ListJournal =
        "SELECT " + StoreColumns.Journal + " FROM \"Journal\" WHERE \"InstanceId\" = $1 ORDER BY \"Sequence\", \"Id\" LIMIT $2 OFFSET $3";

    public const string CountJournal = "SELECT COUNT(*) FROM \"Journal\" WHERE \"InstanceId\" = $1";

    public static readonly string ListFaults =
        "SELECT " + StoreColumns.Fault + " FROM \"Faults\" WHERE \"InstanceId\" = $1 ORDER BY \"OccurredAt\", \"Id\"";

    public static readonly string ListOpenFaults =
        "SELECT " + StoreColumns.Fault + " FROM \"Faults\" WHERE \"InstanceId\" = $1 AND \"ResolvedAt\" IS NULL ORDER BY \"OccurredAt\", \"Id\"";
}
