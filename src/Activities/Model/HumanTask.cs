namespace Itsm.Activities.Model;

/// <summary>
/// What makes a bookmark a human task in someone's inbox: who should do it, what they see, when it is due and how
/// urgent it is. Kept apart from the generic <see cref="BookmarkRequest"/> so a new task field (SLA targets, an
/// assignee) is one property here plus one column in the store's task table, not a change to every bookmark.
/// </summary>
public sealed record HumanTask
{
    /// <summary>The role whose inbox the task goes to; null for a task anyone may take.</summary>
    public string? Role { get; init; }

    public string? Title { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    /// <summary>ITIL priority, 1 (critical) to 5 (planning); null when the workflow gave none.</summary>
    public int? Priority { get; init; }
}
