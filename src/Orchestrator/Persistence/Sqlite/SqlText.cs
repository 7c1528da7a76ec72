namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary>
/// The raw SQL of the hot path. Column lists are shared with <see cref="RecordReader"/>, which reads by ordinal:
/// keep them in the same order. Table and column names are those of the EF model (see Configurations).
/// </summary>
internal static class SqlText
{
    public const string InstanceColumns =
        "\"Id\", \"DefinitionId\", \"DefinitionVersionId\", \"Version\", \"Name\", \"Status\", \"CorrelationId\", " +
        "\"ParentInstanceId\", \"FaultCount\", \"CreatedAt\", \"UpdatedAt\", \"FinishedAt\", \"Revision\", \"StateJson\"";

    public const string BookmarkColumns =
        "\"Id\", \"InstanceId\", \"ActivityId\", \"ActivityType\", \"Kind\", \"Key\", \"CorrelationId\", \"PayloadJson\", " +
        "\"CreatedAt\", \"ResumeAt\", \"Role\", \"Title\", \"DueAt\"";

    public const string JournalColumns =
        "\"InstanceId\", \"Sequence\", \"ActivityId\", \"ActivityType\", \"ActivityName\", \"EventName\", " +
        "\"StartedAt\", \"CompletedAt\", \"Outcome\", \"Summary\", \"Tags\", \"Actor\"";

    public const string FaultColumns =
        "\"Id\", \"InstanceId\", \"ActivityId\", \"ActivityType\", \"Message\", \"ExceptionType\", \"OccurredAt\", \"ResolvedAt\"";

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
        "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12)";

    // Scoped to the instance so one instance's write can never remove another instance's bookmark.
    public const string DeleteBookmark = "DELETE FROM \"Bookmarks\" WHERE \"Id\" = @p0 AND \"InstanceId\" = @p1";

    public const int JournalColumnCount = 12;

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

    // --- reads (ReadSession) -----------------------------------------------------------------------

    public const string FindInstance = "SELECT " + InstanceColumns + " FROM \"Instances\" WHERE \"Id\" = @p0";

    public const string FindBookmark = "SELECT " + BookmarkColumns + " FROM \"Bookmarks\" WHERE \"Id\" = @p0";

    public const string ListBookmarksOfInstance =
        "SELECT " + BookmarkColumns + " FROM \"Bookmarks\" WHERE \"InstanceId\" = @p0 ORDER BY \"CreatedAt\", \"Id\"";

    public const string ListBookmarksOfKind =
        "SELECT " + BookmarkColumns + " FROM \"Bookmarks\" WHERE \"Kind\" = @p0 ORDER BY \"CreatedAt\", \"Id\"";

    public const string ListTimerBookmarks =
        "SELECT " + BookmarkColumns + " FROM \"Bookmarks\" WHERE \"ResumeAt\" IS NOT NULL ORDER BY \"ResumeAt\", \"Id\"";

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
        var source = hasInstance ? "\"Bookmarks\" INDEXED BY \"IX_Bookmarks_InstanceId\"" : "\"Bookmarks\"";
        var sql = "SELECT " + BookmarkColumns + " FROM " + source + " WHERE \"Kind\" = @p0";
        var next = 1;
        sql += hasKey ? $" AND \"Key\" = @p{next++}" : " AND \"Key\" IS NULL";
        if (hasCorrelation)
        {
            sql += $" AND \"CorrelationId\" = @p{next++}";
        }

        if (hasInstance)
        {
            sql += $" AND \"InstanceId\" = @p{next}";
        }

        return sql + " ORDER BY \"CreatedAt\", \"Id\"";
    }
}
