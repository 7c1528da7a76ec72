using Itsm.Activities.Engine;
using Itsm.Activities.Model;

namespace Itsm.Activities.Primitives;

/// <summary>
/// An HTTP route under <c>/workflows/</c>. As a trigger it starts the workflow with the request (the JSON
/// body becomes the workflow's input); later in a flow it waits until a request arrives on its route.
/// </summary>
[Activity("Elsa", "HttpEndpoint", Category = "HTTP", DisplayName = "HTTP Endpoint", Kind = ActivityKind.Trigger,
    Description = "Starts or resumes the workflow when a request arrives on the path.")]
[Output("parsedContent", typeof(object), Description = "The parsed request body.")]
[Output("queryStringData", typeof(object), Description = "The query string values.")]
[Output("headers", typeof(object), Description = "The request headers.")]
[Output("routeData", typeof(object), Description = "Values taken from the route.")]
public sealed class HttpEndpoint : Activity<HttpEndpoint.Inputs>, ITriggerActivity
{
    /// <summary>The payload entry of an HTTP binding holding the accepted methods (upper case).</summary>
    public const string MethodsPayload = "methods";

    public sealed class Inputs
    {
        [Input(Description = "The path under /workflows/, e.g. incidents.")]
        public string? Path { get; set; }

        [Input(UIHint = UIHints.CheckList, TypeName = "String[]", Options = ["GET", "POST", "PUT", "PATCH", "DELETE"], Description = "The HTTP methods accepted.")]
        public string[] SupportedMethods { get; set; } = ["GET"];

        [Input(Category = "Security", Description = "Accept signed-in or API-key requests only.")]
        public bool Authorize { get; set; }

        // The host's policy names (Itsm.Orchestrator.Security.ItsmPolicies); this project cannot see that type.
        [Input(Category = "Security", UIHint = UIHints.DropDown, Options = ["", "Design", "Operate", "Read", "Work", "Admin"],
            Description = "An authorization policy the caller must satisfy; implies authorize. (none): no policy.")]
        public string? Policy { get; set; }
    }

    public IEnumerable<TriggerBinding> GetTriggers(ITriggerNode node)
    {
        if (!node.TryGetConstantInput("path", out var path) || path is not string route) yield break;
        var methods = node.TryGetConstantInput("supportedMethods", out var value) && value is string[] list
            ? list.Select(m => m.ToUpperInvariant()).ToArray()
            : ["GET"];
        yield return new TriggerBinding(BookmarkKinds.HttpEndpoint, HttpRoutes.Normalize(route),
            new Dictionary<string, object?> { [MethodsPayload] = methods });
    }

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Inputs input, CancellationToken cancellationToken)
    {
        if (context.IsTriggerOfThisStart) return new(Done(context.ResumeInput));
        if (string.IsNullOrWhiteSpace(input.Path)) return new(Fail("No path given.", retryable: false));
        return new(Suspend(new BookmarkRequest(BookmarkKinds.HttpEndpoint, HttpRoutes.Normalize(input.Path))
        {
            // The webhook route enforces authorize/policy before it resumes the wait, so they travel with the bookmark.
            Payload = new Dictionary<string, object?>
            {
                [MethodsPayload] = input.SupportedMethods.Select(m => m.ToUpperInvariant()).ToArray(),
                ["authorize"] = input.Authorize || !string.IsNullOrWhiteSpace(input.Policy),
                ["policy"] = string.IsNullOrWhiteSpace(input.Policy) ? null : input.Policy,
            },
        }));
    }
}
