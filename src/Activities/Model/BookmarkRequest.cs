namespace Itsm.Activities.Model;

/// <summary>
/// What a waiting activity waits for. <see cref="Kind"/> is the activity type that resumes it
/// (<c>Elsa.Event</c>, <c>Elsa.RunTask</c>, …) and <see cref="Key"/> what it listens to (the event name,
/// the HTTP route): the pair is indexed so a trigger finds its waiting instances in one seek.
/// <see cref="ResumeAt"/> makes it a durable timer. <see cref="Task"/> makes it a human task in the inbox. <see cref="Payload"/> is kept with the bookmark (JSON-serializable).
/// </summary>
public sealed record BookmarkRequest(string Kind, string? Key = null)
{
    public object? Payload { get; init; }
    public DateTimeOffset? ResumeAt { get; init; }
    public HumanTask? Task { get; init; }

    /// <summary>
    /// The key is a credential (a survey's answer token): the journal names only the kind, so people who may read
    /// an instance's history cannot answer in the respondent's place.
    /// </summary>
    public bool KeyIsSecret { get; init; }
}
