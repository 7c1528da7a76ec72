using Microsoft.AspNetCore.Authorization;
using Itsm.Orchestrator.Security;
using Itsm.Activities.Model;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Api.Webhooks;

/// <summary>
/// Inbound requests on <c>/workflows/{path}</c>, for <c>Elsa.HttpEndpoint</c> triggers and waits. The body is
/// checked before anything runs (JSON or empty, within <see cref="WebhookOptions.MaxBodyBytes"/>, well-formed),
/// so a bad request never starts an instance. The workflow's own answer is sent when it wrote one; otherwise
/// 202 with the instance and a Location to follow it.
/// </summary>
// Webhook paths are open by default: monitoring and portals call them without credentials (signatures come later).
[AllowAnonymous]
[Route("workflows/{**path}")]
[Tags("Webhooks")]
public sealed partial class WebhooksController(
    IWorkflowRuntime runtime,
    IOptions<WebhookOptions> options,
    ILogger<WebhooksController> logger) : WorkApiController
{
    public const string CorrelationHeader = "X-Correlation-Id";

    // Credentials are the API's business, not the workflow's: they must not end up in instance state or the journal.
    private static readonly HashSet<string> WithheldHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Cookie", "Proxy-Authorization", "X-Api-Key",
    };

    [AcceptVerbs("GET", "POST", "PUT", "PATCH", "DELETE")]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status405MethodNotAllowed)]
    [ProducesResponseType(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IActionResult> Handle(string? path, CancellationToken cancellationToken)
    {
        var maxBytes = options.Value.MaxBodyBytes;
        var body = await JsonBodyReader.ReadAsync(Request, maxBytes, cancellationToken).ConfigureAwait(false);
        switch (body.Status)
        {
            case JsonBodyStatus.UnsupportedMediaType:
                return Problem(body.Error, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
            case JsonBodyStatus.TooLarge:
                return Problem(body.Error, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");
            case JsonBodyStatus.Malformed:
                return this.FieldProblem("$", body.Error ?? "The body is not valid JSON.");
        }

        var request = new HttpRequestData(
            Request.Method,
            path ?? "",
            JsonInput.ToPlain(body.Element),
            Request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Request.Headers.Where(pair => !WithheldHeaders.Contains(pair.Key))
                .ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["path"] = path ?? "" });
        var correlationId = FirstNonEmpty(Request.Query["correlationId"].ToString(), Request.Headers[CorrelationHeader].ToString());

        var result = await runtime.DispatchHttpAsync(request, correlationId, cancellationToken).ConfigureAwait(false);
        LogDispatched(logger, Request.Method, path ?? "", result.Outcome, result.State?.InstanceId);
        switch (result.Outcome)
        {
            case HttpDispatchOutcome.NoRoute:
                return Problem($"No workflow listens on '/workflows/{path}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
            case HttpDispatchOutcome.MethodNotAllowed:
                return Problem($"'/workflows/{path}' does not accept {Request.Method}.", statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed");
            case HttpDispatchOutcome.InstanceFaulted:
                return this.ConflictProblem(result.Message ?? "The waiting instance is faulted.");
            case HttpDispatchOutcome.InvalidDefinition:
                return Problem(result.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Workflow cannot run");
        }

        if (result.HttpResponse is { } answer)
            return WorkflowHttpResponse.ToResult(answer, Response);
        var instanceId = result.State?.InstanceId;
        if (instanceId is not null)
            Response.Headers.Location = $"/{ElsaApi.Root}/workflow-instances/{Uri.EscapeDataString(instanceId)}";
        return StatusCode(StatusCodes.Status202Accepted, new WebhookAcceptedResponse(instanceId, result.State?.Status));
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook {Method} /workflows/{Path}: {Outcome} (instance {InstanceId})")]
    private static partial void LogDispatched(ILogger logger, string method, string path, HttpDispatchOutcome outcome, string? instanceId);
}
