using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// The one entry point for running workflows, used alike by the API, webhooks, timers, events and tests.
/// Every call runs one burst per instance under that instance's lock and returns once the burst's changes
/// are committed. Expected failures (unknown ids, already-resumed bookmarks, wrong state) are results.
/// </summary>
public interface IWorkflowRuntime
{
    Task<StartResult> StartAsync(StartRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Resumes the bookmark (a task id or resume token is a bookmark id) exactly once. <paramref name="actor"/>
    /// (a user or API key name) is recorded on the journal rows the resume writes for that instance.
    /// </summary>
    Task<ResumeResult> ResumeBookmarkAsync(string bookmarkId, object? input, CancellationToken cancellationToken, string? actor = null);

    /// <summary>
    /// Resumes a bookmark on nobody's behalf (a timer, follow-up work): each such run is counted before it starts, and an
    /// instance whose runs keep dying with the host is quarantined as Faulted instead of run again.
    /// </summary>
    Task<ResumeResult> ResumeUnattendedAsync(string bookmarkId, object? input, CancellationToken cancellationToken);

    /// <summary>Delivers an event to the instances waiting for it (narrowed by correlation id or instance id).</summary>
    Task<IReadOnlyList<ResumeResult>> TriggerEventAsync(EventRequest request, CancellationToken cancellationToken);

    /// <summary>Routes an inbound request on <c>/workflows/{path}</c>: resumes a waiting endpoint or starts a published trigger.</summary>
    Task<HttpDispatchResult> DispatchHttpAsync(HttpRequestData request, string? correlationId, CancellationToken cancellationToken);

    Task<CommandResult> CancelAsync(string instanceId, CancellationToken cancellationToken);

    Task<CommandResult> RetryAsync(string instanceId, CancellationToken cancellationToken);
}
