using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Api.Bookmarks;

/// <summary>
/// Which waits the resume-by-token route may resume. A flow hands out a callback URL for a step waiting on an
/// <c>Elsa.Event</c> (<c>getResumeUrl('wait')</c>); every other kind has its own way in, with its own checks,
/// and must not be reachable by whoever learns its id: a task (completion checks the task's role and records
/// who did it), a timer (it is due when it is due), a child workflow (its result comes from the child), a
/// webhook wait (it expects the HTTP request of its route). An allow-list, so a new kind is closed until
/// someone decides it is a callback.
/// </summary>
internal static class CallbackBookmarks
{
    /// <summary>Null when a bookmark of <paramref name="kind"/> may be resumed by token, else why not.</summary>
    public static string? Refusal(string kind) => kind switch
    {
        BookmarkKinds.Event => null,
        BookmarkKinds.RunTask => "It is a task: complete it with POST /elsa/api/tasks/{id}/complete.",
        BookmarkKinds.Delay => "It is a timer: it resumes when it is due.",
        BookmarkKinds.ExecuteWorkflow => "It waits for a child workflow: it resumes when the child finishes.",
        BookmarkKinds.HttpEndpoint => "It waits for a request on its webhook route.",
        _ => "It is not a wait handed out for callbacks.",
    };
}
