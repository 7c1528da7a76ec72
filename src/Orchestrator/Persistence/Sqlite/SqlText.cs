namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary>The raw SQL of SQLite's hot path (column lists: <see cref="StoreColumns"/>).</summary>
internal static class SqlText
{
    private const string InstanceColumns = StoreColumns.Instance;
    private const string BookmarkColumns = StoreColumns.Bookmark;
    public const int BookmarkColumnCount = StoreColumns.BookmarkCount;
    private static readonly string SelectBookmarkColumns = StoreColumns.SelectBookmarkWithTask;
    private const string JoinTask = StoreColumns.JoinTask;
    private static readonly string SelectBookmarks = SelectBookmarkColumns + " FROM \"Bookmarks\" b" + JoinTask;
    private const string JournalColumns = StoreColumns.Journal;
    private const string FaultColumns = StoreColumns.Fault;
    private const string OutboxColumns = StoreColumns.Outbox;
    private const string RecordColumns = StoreColumns.Record;

    // --- writes (GroupCommitWriter) ---------------------------------------------------------------

    // ON CONFLICT DO NOTHING turns "somebody created this instance first" into 0 rows instead of an exception.
    public const string InsertInstance =
        "INSERT INTO \"Instances\" (" + InstanceColumns + ") " +
        "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13) " +
        "ON CONFLICT(\"Id\") DO NOTHING";

    public const string UpdateInstance =
        "UPDATE \"Instances\" SET \"DefinitionId\" = @p1, \"DefinitionVersionId\" = @p2, \"Version\" = @p3, \"Name\" = @p4, " +
        "\"Status\" = @p5, \"CorrelationId\" = @p6, \"ParentInstanceId\" = @p7, \"FaultCount\" = @p8, \"CreatedAt\" = @p9, " +
        "\"UpdatedAt\" = @p10, \"FinishedAt\" = @p11, \"Revision\" = @p12, \"StateJson\" = @p13 " +
        "WHERE \"Id\" = @p0 AND \"Revision\" = @p14";

    public const string InsertBookmark =
        "INSERT INTO \"Bookmarks\" (" + BookmarkColumns + ") " +
        "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)";

    public static readonly string InsertTask =
        "INSERT INTO \"Tasks\" (" + TaskTable.InsertColumns + ") VALUES (" +
        string.Join(", ", Enumerable.Range(0, TaskTable.InsertParameterCount).Select(p => "@p" + p)) + ")";

    // Scoped to the instance like the bookmark's own delete.
    public const string DeleteTask = "DELETE FROM \"Tasks\" WHERE \"BookmarkId\" = @p0 AND \"InstanceId\" = @p1";

    public const string DeleteTasksOfInstance = "DELETE FROM \"Tasks\" WHERE \"InstanceId\" = @p0";

    // Scoped to the instance so one instance's write can never remove another instance's bookmark.
    public const string DeleteBookmark = "DELETE FROM \"Bookmarks\" WHERE \"Id\" = @p0 AND \"InstanceId\" = @p1";

    public const int JournalColumnCount = StoreColumns.JournalCount;

    /// <summary>One INSERT for <paramref name="rows"/> journal rows (parameters @p0 … in row order).</summary>
    public static string InsertJournalRows(int rows) =>
        "INSERT INTO \"Journal\" (" + JournalColumns + ") VALUES " + string.Join(", ", Enumerable.Range(0, rows).Select(row =>
            "(" + string.Join(", ", Enumerable.Range(row * JournalColumnCount, JournalColumnCount).Select(p => "@p" + p)) + ")"));

    public const string InsertFault =
        "INSERT INTO \"Faults\" (" + FaultColumns + ") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)";

    public const string ResolveFault =
        "UPDATE \"Faults\" SET \"ResolvedAt\" = @p2 WHERE \"Id\" = @p0 AND \"InstanceId\" = @p1 AND \"ResolvedAt\" IS NULL";

    public const string DeleteBookmarksOfInstance = "DELETE FROM \"Bookmarks\" WHERE \"InstanceId\" = @p0";
    public const string DeleteJournalOfInstance = "DELETE FROM \"Journal\" WHERE \"InstanceId\" = @p0";
    public const string DeleteFaultsOfInstance = "DELETE FROM \"Faults\" WHERE \"InstanceId\" = @p0";
    public const string DeleteInstance = "DELETE FROM \"Instances\" WHERE \"Id\" = @p0";

    public const string InsertOutbox =
        "INSERT INTO \"Outbox\" (" + OutboxColumns + ") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)";

    public const string DeleteOutbox = "DELETE FROM \"Outbox\" WHERE \"Id\" = @p0";

    /// <summary>Claims one due row: 1 row changed means this caller owns it until @p2 (the lease).</summary>
    public const string ClaimOutbox =
        "UPDATE \"Outbox\" SET \"AvailableAt\" = @p2 WHERE \"Id\" = @p0 AND \"AvailableAt\" <= @p1";

    public const string FailOutbox =
        "UPDATE \"Outbox\" SET \"AvailableAt\" = @p1, \"LastError\" = @p2, \"Attempts\" = \"Attempts\" + 1 WHERE \"Id\" = @p0";

    public const string SelectDueOutbox =
        "SELECT " + OutboxColumns + " FROM \"Outbox\" WHERE \"AvailableAt\" <= @p0 ORDER BY \"AvailableAt\", \"Id\" LIMIT @p1";

    public const string CountAttempt =
        "INSERT INTO \"InstanceAttempts\" (\"InstanceId\", \"Count\", \"LastAttemptAt\") VALUES (@p0, 1, @p1) " +
        "ON CONFLICT(\"InstanceId\") DO UPDATE SET \"Count\" = \"Count\" + 1, \"LastAttemptAt\" = @p1 RETURNING \"Count\"";

    /// <summary>Reserves @p1 numbers of counter @p0; answers the last one reserved.</summary>
    public const string ReserveNumbers =
        "INSERT INTO \"RecordCounters\" (\"RecordType\", \"Value\") VALUES (@p0, @p1) " +
        "ON CONFLICT(\"RecordType\") DO UPDATE SET \"Value\" = \"Value\" + excluded.\"Value\" RETURNING \"Value\"";

    /// <summary>The record side of a commit (<see cref="RecordTable"/>), indexed by <see cref="RecordStatement"/>.</summary>
    public static readonly string[] RecordStatements = RecordTable.Sql(p => "@p" + p);

    public const string FindRecord = "SELECT " + RecordColumns + " FROM \"Records\" WHERE \"RecordType\" = @p0 AND \"RecordId\" = @p1";

    public const string ListRecords =
        "SELECT " + RecordColumns + " FROM \"Records\" WHERE \"RecordType\" = @p0 ORDER BY \"RecordId\" LIMIT @p1 OFFSET @p2";

    public const string CountRecords = "SELECT COUNT(*) FROM \"Records\" WHERE \"RecordType\" = @p0";

    public const string ClearAttempts = "DELETE FROM \"InstanceAttempts\" WHERE \"InstanceId\" = @p0";

    // --- reads (ReadSession) -----------------------------------------------------------------------

    public const string FindInstance = "SELECT " + InstanceColumns + " FROM \"Instances\" WHERE \"Id\" = @p0";

    public static readonly string FindBookmark = SelectBookmarks + " WHERE b.\"Id\" = @p0";

    public static readonly string ListBookmarksOfInstance =
        SelectBookmarks + " WHERE b.\"InstanceId\" = @p0 ORDER BY b.\"CreatedAt\", b.\"Id\"";

    public static readonly string ListBookmarksOfKind =
        SelectBookmarks + " WHERE b.\"Kind\" = @p0 ORDER BY b.\"CreatedAt\", b.\"Id\"";

    public static readonly string ListTimerBookmarks =
        SelectBookmarks + " WHERE b.\"ResumeAt\" IS NOT NULL ORDER BY b.\"ResumeAt\", b.\"Id\"";

    /// <summary>Timers due before @p0 whose instance is not Faulted (a faulted instance's timers wait for its retry).</summary>
    public static readonly string ListDueTimers =
        SelectBookmarkColumns + " FROM \"Bookmarks\" b JOIN \"Instances\" i ON i.\"Id\" = b.\"InstanceId\"" + JoinTask +
        " WHERE b.\"ResumeAt\" IS NOT NULL AND b.\"ResumeAt\" <= @p0 AND i.\"Status\" <> @p1 ORDER BY b.\"ResumeAt\", b.\"Id\" LIMIT @p2";

    public const string ListOutbox =
        "SELECT " + OutboxColumns + " FROM \"Outbox\" ORDER BY \"CreatedAt\", \"Id\" LIMIT @p0 OFFSET @p1";

    public const string CountOutbox = "SELECT COUNT(*) FROM \"Outbox\"";

    public const string ListJournal =
        "SELECT " + JournalColumns + " FROM \"Journal\" WHERE \"InstanceId\" = @p0 ORDER BY \"Sequence\", \"Id\" LIMIT @p1 OFFSET @p2";

    public const string CountJournal = "SELECT COUNT(*) FROM \"Journal\" WHERE \"InstanceId\" = @p0";

    public const string ListFaults =
        "SELECT " + FaultColumns + " FROM \"Faults\" WHERE \"InstanceId\" = @p0 ORDER BY \"OccurredAt\", \"Id\"";

    public const string ListOpenFaults =
        "SELECT " + FaultColumns + " FROM \"Faults\" WHERE \"InstanceId\" = @p0 AND \"ResolvedAt\" IS NULL ORDER BY \"OccurredAt\", \"Id\"";

    /// <summary>
    /// One statement per filter shape so each stays a plain index seek: "(@x IS NULL OR col = @x)" would
    /// defeat the index. Parameters: @p0 kind, then key, correlation, instance
    /// in that order for those present.
    /// </summary>
    public static string FindBookmarks(bool hasKey, bool hasCorrelation, bool hasInstance)
    {
        // An instance has a handful of bookmarks while one (Kind, Key) can have thousands (every instance waiting
        // for "approved"): narrowed to an instance, seek by instance. Without ANALYZE statistics SQLite would
        // prefer the index with more equality columns and scan every waiting instance.
        var source = hasInstance ? "\"Bookmarks\" b INDEXED BY \"IX_Bookmarks_InstanceId\"" : "\"Bookmarks\" b";
        var sql = SelectBookmarkColumns + " FROM " + source + JoinTask + " WHERE b.\"Kind\" = @p0";
        var next = 1;
        sql += hasKey ? $" AND b.\"Key\" = @p{next++}" : " AND b.\"Key\" IS NULL";
        if (hasCorrelation)
        {
            sql += $" AND b.\"CorrelationId\" = @p{next++}";
        }

        if (hasInstance)
        {
            sql += $" AND b.\"InstanceId\" = @p{next}";
        }

        return sql + " ORDER BY b.\"CreatedAt\", b.\"Id\"";
    }
}
