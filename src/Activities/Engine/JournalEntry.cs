namespace Itsm.Activities.Engine;

/// <summary>
/// One activity execution, as the engine reports it for the instance's journal. <see cref="Data"/> is the step's
/// evaluated inputs and its output as compact JSON (<see cref="JournalData"/>), null when there is none to keep.
/// </summary>
public sealed record JournalEntry(
    long Sequence,
    string ActivityId,
    string ActivityType,
    string? ActivityName,
    string EventName,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    string? Outcome,
    string? Summary,
    string? Tags,
    string? Data = null);

/// <summary>Elsa's journal event names.</summary>
public static class JournalEvents
{
    public const string Completed = "Completed";
    public const string Suspended = "Suspended";
    public const string Faulted = "Faulted";
    public const string Cancelled = "Cancelled";
    public const string Started = "Started";
}
