namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// The column lists of the stores' raw SQL, shared by both providers. <see cref="RecordReader"/> reads rows selected
/// with them by ordinal: keep the orders in step. Table and column names are those of the EF model (see Configurations).
/// </summary>
internal static class StoreColumns
{
    public const string Instance =
        "\"Id\", \"DefinitionId\", \"DefinitionVersionId\", \"Version\", \"Name\", \"Status\", \"CorrelationId\", " +
        "\"ParentInstanceId\", \"FaultCount\", \"CreatedAt\", \"UpdatedAt\", \"FinishedAt\", \"Revision\", \"StateJson\"";

    public const int InstanceCount = 14;

    public const string Bookmark =
        "\"Id\", \"InstanceId\", \"ActivityId\", \"ActivityType\", \"Kind\", \"Key\", \"CorrelationId\", \"PayloadJson\", " +
        "\"CreatedAt\", \"ResumeAt\"";

    public const int BookmarkCount = 10;

    /// <summary>
    /// Every bookmark read selects the bookmark (alias b) with its task, if any (alias t, see <see cref="TaskTable.SelectList"/>):
    /// a LEFT JOIN on the task's primary key, so the bookmark row stays generic and a task costs one seek.
    /// Filters must name b's columns (Tasks has InstanceId and CreatedAt too).
    /// </summary>
    public static readonly string SelectBookmarkWithTask =
        "SELECT b.\"Id\", b.\"InstanceId\", b.\"ActivityId\", b.\"ActivityType\", b.\"Kind\", b.\"Key\", b.\"CorrelationId\", " +
        "b.\"PayloadJson\", b.\"CreatedAt\", b.\"ResumeAt\", " + TaskTable.SelectList("t");

    public const string JoinTask = " LEFT JOIN \"Tasks\" t ON t.\"BookmarkId\" = b.\"Id\"";

    public const string Journal =
        "\"InstanceId\", \"Sequence\", \"ActivityId\", \"ActivityType\", \"ActivityName\", \"EventName\", " +
        "\"StartedAt\", \"CompletedAt\", \"Outcome\", \"Summary\", \"Tags\", \"Actor\", \"Data\"";

    public const int JournalCount = 13;

    public const string Fault =
        "\"Id\", \"InstanceId\", \"ActivityId\", \"ActivityType\", \"Message\", \"ExceptionType\", \"OccurredAt\", \"ResolvedAt\"";

    public const string Outbox =
        "\"Id\", \"Kind\", \"InstanceId\", \"PayloadJson\", \"CreatedAt\", \"AvailableAt\", \"Attempts\", \"LastError\"";

    public const string Record =
        "\"RecordType\", \"RecordId\", \"Version\", \"DataJson\", \"InstanceId\", \"ActivityId\", \"CreatedAt\", \"UpdatedAt\"";
}
