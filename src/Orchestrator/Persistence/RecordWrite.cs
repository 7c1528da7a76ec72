namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// A service-management record change committed with the step that made it (see
/// <see cref="Itsm.Activities.Model.RecordChange"/>), or by a person through the API (<see cref="InstanceId"/> and
/// <see cref="ActivityId"/> empty, <see cref="Actor"/> set). <see cref="DataJson"/> is null for a delete.
/// </summary>
public sealed record RecordWrite(string RecordType, string RecordId, string? DataJson, string InstanceId, string ActivityId, DateTimeOffset At)
{
    public bool IsDelete => DataJson is null;

    /// <summary>
    /// The version the change was made from (0: the record must not exist yet); null writes whatever is stored. A
    /// record that has moved makes the store refuse the whole commit (<see cref="RecordConflictException"/>).
    /// </summary>
    public long? ExpectedVersion { get; init; }

    /// <summary>
    /// The steps whose earlier changes of this record in the same commit this write's data already contains, oldest
    /// first: the row is written once, with one history row per change (see <see cref="Changes"/>).
    /// </summary>
    public IReadOnlyList<string> EarlierActivityIds { get; init; } = [];

    /// <summary>How many changes the write stands for: its version moves by this much.</summary>
    public int Changes => EarlierActivityIds.Count + 1;

    /// <summary>Who made a change by hand (a user or API key name); empty for a step's change.</summary>
    public string Actor { get; init; } = "";

    /// <summary>The indexed fields and links of <see cref="DataJson"/>, projected once, whenever the data is set.</summary>
    public RecordProjection Projection { get; private set; } = RecordProjection.Of(DataJson);

    /// <summary>
    /// The record's data. The constructor projects it above (an initializer sets the backing field without the
    /// accessor); a <c>with</c> that sets it projects it again here, so the two never disagree.
    /// </summary>
    public string? DataJson
    {
        get;
        init
        {
            field = value;
            Projection = RecordProjection.Of(value);
        }
    } = DataJson;

    /// <summary>The history row's operation.</summary>
    public string Operation => IsDelete ? RecordOperations.Delete : RecordOperations.Upsert;
}

/// <summary>The <c>Operation</c> values of the RecordChanges history.</summary>
public static class RecordOperations
{
    public const string Upsert = "upsert";
    public const string Delete = "delete";
}
