using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// Webhook routing: a request on <c>/workflows/{path}</c> resumes an endpoint waiting mid-flow or starts the
/// published definition whose trigger matches, with no database query on a plain start.
/// </summary>
public sealed partial class WorkflowRuntime
{
    public async Task<HttpDispatchResult> DispatchHttpAsync(HttpRequestData request, string? correlationId, CancellationToken cancellationToken)
    {
        var path = HttpRoutes.Normalize(request.Path);
        var method = request.Method.ToUpperInvariant();

        // A waiting endpoint later in a flow is a resume point and wins over starting a new instance. Only
        // routes known to have resume points cost a query; a plain webhook start is matched in memory.
        var resumeChecked = triggers.IsResumePath(path);
        var (resumed, waitingOnRoute) = resumeChecked ? await TryResumeHttpAsync(request, path, method, correlationId, cancellationToken) : (null, false);
        if (resumed is not null) return resumed;

        var routeKnown = waitingOnRoute;
        foreach (var trigger in triggers.FindHttp(path))
        {
            routeKnown = true;
            if (!trigger.Methods.Contains(method)) continue;
            var started = await StartAsync(new StartRequest(trigger.DefinitionId)
            {
                CorrelationId = correlationId,
                Input = request.ParsedContent as IReadOnlyDictionary<string, object?> ?? ToInput(request.ParsedContent),
                TriggerActivityId = trigger.ActivityId,
                TriggerInput = request,
            }, cancellationToken);
            if (started.Outcome == StartOutcome.Started)
                return new HttpDispatchResult(HttpDispatchOutcome.Started, started.State, started.HttpResponse);
            if (started.Outcome == StartOutcome.InvalidDefinition)
                return new HttpDispatchResult(HttpDispatchOutcome.InvalidDefinition, null, null) { Message = started.Message };
        }

        // Nothing started: an instance of an older version may still wait on this route.
        if (!resumeChecked)
        {
            (resumed, waitingOnRoute) = await TryResumeHttpAsync(request, path, method, correlationId, cancellationToken);
            if (resumed is not null) return resumed;
            routeKnown |= waitingOnRoute;
        }
        return new HttpDispatchResult(routeKnown ? HttpDispatchOutcome.MethodNotAllowed : HttpDispatchOutcome.NoRoute, null, null);
    }

    private async Task<(HttpDispatchResult? Result, bool RouteKnown)> TryResumeHttpAsync(
        HttpRequestData request, string path, string method, string? correlationId, CancellationToken cancellationToken)
    {
        var routeKnown = false;
        foreach (var bookmark in await store.FindBookmarksAsync(BookmarkKinds.HttpEndpoint, path, correlationId, null, cancellationToken))
        {
            routeKnown = true;
            if (!AcceptsMethod(bookmark.PayloadJson, method)) continue;
            var resumed = await ResumeBookmarkAsync(bookmark.Id, request, cancellationToken);
            if (resumed.Outcome == ResumeOutcome.Resumed)
                return (new HttpDispatchResult(HttpDispatchOutcome.Resumed, resumed.State, resumed.HttpResponse), true);
            if (resumed.Outcome == ResumeOutcome.InstanceFaulted)
                return (new HttpDispatchResult(HttpDispatchOutcome.InstanceFaulted, resumed.State, null)
                {
                    Message = $"Instance '{resumed.InstanceId}' waits on this route but is faulted; retry or cancel it first.",
                }, true);
        }
        return (null, routeKnown);
    }

    private static bool AcceptsMethod(string? payloadJson, string method)
    {
        if (payloadJson is null) return true;
        var payload = Activities.Expressions.PlainJson.Parse(payloadJson) as IDictionary<string, object?>;
        return payload?.TryGetValue("methods", out var methods) != true || methods is not IEnumerable<object?> list
            || list.Any(m => string.Equals(m as string, method, StringComparison.OrdinalIgnoreCase));
    }

    private static IReadOnlyDictionary<string, object?>? ToInput(object? body) => body is System.Dynamic.ExpandoObject expando
        ? new Dictionary<string, object?>(expando, StringComparer.Ordinal)
        : null;
}
