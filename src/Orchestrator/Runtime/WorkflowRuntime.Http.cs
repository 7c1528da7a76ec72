using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// Webhook routing: a request on <c>/workflows/{path}</c> resumes an endpoint waiting mid-flow or starts the
/// published definition whose trigger matches, with no database query on a plain start.
/// </summary>
public sealed partial class WorkflowRuntime
{
    public Task<HttpDispatchResult> DispatchHttpAsync(HttpRequestData request, string? correlationId, CancellationToken cancellationToken)
        => DispatchGatedHttpAsync(request, new HttpDispatchOptions { CorrelationId = correlationId }, cancellationToken);

    public async Task<HttpDispatchResult> DispatchGatedHttpAsync(HttpRequestData request, HttpDispatchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var correlationId = options.CorrelationId;
        var path = HttpRoutes.Normalize(request.Path);
        var method = request.Method.ToUpperInvariant();

        // A waiting endpoint later in a flow is a resume point and wins over starting a new instance. Only
        // routes known to have resume points cost a query; a plain webhook start is matched in memory.
        var resumeChecked = triggers.IsResumePath(path);
        var (resumed, waitingOnRoute) = resumeChecked ? await TryResumeHttpAsync(request, path, method, options, cancellationToken) : (null, false);
        if (resumed is not null) return resumed;

        var routeKnown = waitingOnRoute;
        foreach (var trigger in triggers.FindHttp(path))
        {
            routeKnown = true;
            if (!trigger.Methods.Contains(method)) continue;
            string? instanceId = null;
            if (options.Gate is { } gate)
            {
                var decision = await gate(await StartTargetAsync(trigger, cancellationToken), cancellationToken);
                if (!decision.Proceed) return new HttpDispatchResult(HttpDispatchOutcome.Refused, null, null);
                instanceId = decision.InstanceId;
            }
            var started = await StartAsync(new StartRequest(trigger.DefinitionId)
            {
                InstanceId = instanceId,
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
            (resumed, waitingOnRoute) = await TryResumeHttpAsync(request, path, method, options, cancellationToken);
            if (resumed is not null) return resumed;
            routeKnown |= waitingOnRoute;
        }
        return new HttpDispatchResult(routeKnown ? HttpDispatchOutcome.MethodNotAllowed : HttpDispatchOutcome.NoRoute, null, null);
    }

    private async Task<(HttpDispatchResult? Result, bool RouteKnown)> TryResumeHttpAsync(
        HttpRequestData request, string path, string method, HttpDispatchOptions options, CancellationToken cancellationToken)
    {
        var routeKnown = false;
        foreach (var bookmark in await store.FindBookmarksAsync(BookmarkKinds.HttpEndpoint, path, options.CorrelationId, null, cancellationToken))
        {
            routeKnown = true;
            var payload = bookmark.PayloadJson is null ? null : Activities.Expressions.PlainJson.Parse(bookmark.PayloadJson) as IDictionary<string, object?>;
            if (!AcceptsMethod(payload, method)) continue;
            if (options.Gate is { } gate)
            {
                var instance = await store.FindInstanceAsync(bookmark.InstanceId, cancellationToken);
                if (instance is null) continue;
                var target = new HttpDispatchTarget(instance.DefinitionId, bookmark.ActivityId, bookmark.InstanceId,
                    payload?.TryGetValue("authorize", out var authorize) == true && authorize is true,
                    payload?.TryGetValue("policy", out var policy) == true ? policy as string : null, null);
                if (!(await gate(target, cancellationToken)).Proceed)
                    return (new HttpDispatchResult(HttpDispatchOutcome.Refused, null, null), true);
            }
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

    /// <summary>The endpoint's security inputs come from the compiled trigger (literals, checked at publish).</summary>
    private async Task<HttpDispatchTarget> StartTargetAsync(TriggerEntry trigger, CancellationToken cancellationToken)
    {
        var workflow = await definitions.GetCompiledAsync(trigger.DefinitionVersionId, cancellationToken);
        var node = workflow is not null && workflow.NodesById.TryGetValue(trigger.ActivityId, out var found) ? found : null;
        var authorize = node is not null && node.TryGetConstantInput("authorize", out var value) && value is true;
        var policy = node is not null && node.TryGetConstantInput("policy", out var named) ? named as string : null;
        return new HttpDispatchTarget(trigger.DefinitionId, trigger.ActivityId, null, authorize, string.IsNullOrWhiteSpace(policy) ? null : policy, workflow);
    }

    private static bool AcceptsMethod(IDictionary<string, object?>? payload, string method)
    {
        if (payload is null) return true;
        return payload?.TryGetValue("methods", out var methods) != true || methods is not IEnumerable<object?> list
            || list.Any(m => string.Equals(m as string, method, StringComparison.OrdinalIgnoreCase));
    }

    private static Dictionary<string, object?>? ToInput(object? body) => body is System.Dynamic.ExpandoObject expando
        ? new Dictionary<string, object?>(expando, StringComparer.Ordinal)
        : null;
}
