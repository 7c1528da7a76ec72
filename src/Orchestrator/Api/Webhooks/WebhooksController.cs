using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Itsm.Activities.Engine;
using Itsm.Orchestrator.Security;
using Itsm.Activities.Model;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Api.Webhooks;

/// <summary>
/// Inbound requests on <c>/workflows/{path}</c>, for <c>Elsa.HttpEndpoint</c> triggers and waits. The body is
/// checked before anything runs (JSON or empty, within <see cref="WebhookOptions.MaxBodyBytes"/>, well-formed,
/// representable), so a bad request never starts an instance. Once the runtime has matched the request to a
/// trigger or a waiting endpoint, <see cref="WebhookGate"/> checks it against that endpoint (signature, authorize/
/// policy, declared inputs, idempotency key) before it starts or resumes anything. The workflow's own answer is
/// sent when it wrote one; otherwise 202 with the instance and a Location to follow it.
/// </summary>
// Webhook paths are open by default: monitoring and portals call them without credentials. An endpoint asks for
// more with a signing secret or its authorize/policy inputs, checked per matched endpoint by the gate.
[AllowAnonymous]
[EnableRateLimiting(WebhookRateLimiting.PolicyName)]
[Route("workflows/{**path}")]
[Tags("Webhooks")]
public sealed partial class WebhooksController(
    IWorkflowRuntime runtime,
    IWorkflowStore store,
    WebhookGate gate,
    WebhookSecrets secrets,
    IOptions<WebhookOptions> options,
    ILogger<WebhooksController> logger) : WorkApiController
{
    public const string CorrelationHeader = "X-Correlation-Id";
    public const string IdempotencyHeader = "Idempotency-Key";

    // Credentials are the API's business, not the workflow's: they must not end up in instance state or the journal.
    private static readonly HashSet<string> WithheldHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Cookie", "Proxy-Authorization", "X-Api-Key",
    };

    [AcceptVerbs("GET", "POST", "PUT", "PATCH", "DELETE")]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status403Forbidden)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status405MethodNotAllowed)]
    [ProducesResponseType(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType(StatusCodes.Status429TooManyRequests)]
    public async Task<IActionResult> Handle(string? path, CancellationToken cancellationToken)
    {
        var correlationId = FirstNonEmpty(Request.Query["correlationId"].ToString(), Request.Headers[CorrelationHeader].ToString());
        if (correlationId is { Length: > WebhookOptions.MaxCorrelationIdLength })
            return this.FieldProblem("correlationId", $"A correlation id is at most {WebhookOptions.MaxCorrelationIdLength} characters.");
        var idempotencyKey = Request.Headers[IdempotencyHeader].ToString();
        if (idempotencyKey.Length > 0 && (idempotencyKey.Length > WebhookOptions.MaxIdempotencyKeyLength || idempotencyKey.Any(c => c is < '!' or > '~')))
            return this.FieldProblem(IdempotencyHeader, $"An idempotency key is 1 to {WebhookOptions.MaxIdempotencyKeyLength} printable ASCII characters.");

        var maxBytes = options.Value.MaxBodyBytes;
        var body = await JsonBodyReader.ReadAsync(Request, maxBytes, keepRaw: secrets.Any, cancellationToken).ConfigureAwait(false);
        switch (body.Status)
        {
            case JsonBodyStatus.UnsupportedMediaType:
                return Problem(body.Error, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
            case JsonBodyStatus.TooLarge:
                return Problem(body.Error, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");
            case JsonBodyStatus.Malformed:
                return this.FieldProblem(body.Field ?? "$", body.Error ?? "The body is not valid JSON.");
        }

        var request = new HttpRequestData(
            Request.Method,
            path ?? "",
            JsonInput.ToPlain(body.Element),
            Request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Request.Headers.Where(pair => !WithheldHeaders.Contains(pair.Key))
                .ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["path"] = path ?? "" });

        var check = new WebhookGate.Call(this, body, $"{Request.Method.ToUpperInvariant()} {HttpRoutes.Normalize(path)}",
            idempotencyKey.Length > 0 ? idempotencyKey : null);
        HttpDispatchResult result;
        try
        {
            result = await runtime.DispatchGatedHttpAsync(request, new HttpDispatchOptions
            {
                CorrelationId = correlationId,
                Gate = (target, ct) => gate.CheckAsync(check, target, ct),
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException) when (check.Reservation is { } reserved)
        {
            // A duplicate delivery raced the first one into a start under the same reserved id and lost the
            // insert: the instance exists now, answer with it.
            return await ReplayAsync(reserved, cancellationToken).ConfigureAwait(false);
        }
        LogDispatched(logger, Request.Method, path ?? "", result.Outcome, result.State?.InstanceId);
        switch (result.Outcome)
        {
            case HttpDispatchOutcome.Refused when check.Replay is { } replay:
                return await ReplayAsync(replay, cancellationToken).ConfigureAwait(false);
            case HttpDispatchOutcome.Refused:
                return check.Refusal ?? Problem("The request was refused.", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
            case HttpDispatchOutcome.NoRoute or HttpDispatchOutcome.MethodNotAllowed
                when check.IdempotencyKey is not null && await gate.FindDeliveredAsync(check, cancellationToken).ConfigureAwait(false) is { } delivered:
                // The first delivery resumed a waiting endpoint, which is gone now: answer as it was answered.
                return await ReplayAsync(delivered, cancellationToken).ConfigureAwait(false);
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
        return Accepted(result.State?.InstanceId, result.State?.Status);
    }

    /// <summary>A redelivery: the first call's answer shape (202, Location, instance id) for the instance it reserved.</summary>
    private async Task<IActionResult> ReplayAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await store.FindInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
        LogReplayed(logger, Request.Method, instanceId);
        return Accepted(instanceId, instance?.Status);
    }

    private ObjectResult Accepted(string? instanceId, InstanceStatus? status)
    {
        if (instanceId is not null)
            Response.Headers.Location = $"/{ElsaApi.Root}/workflow-instances/{Uri.EscapeDataString(instanceId)}";
        return StatusCode(StatusCodes.Status202Accepted, new WebhookAcceptedResponse(instanceId, status));
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook {Method} /workflows/{Path}: {Outcome} (instance {InstanceId})")]
    private static partial void LogDispatched(ILogger logger, string method, string path, HttpDispatchOutcome outcome, string? instanceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook {Method} redelivered with a known idempotency key: answered with instance {InstanceId}")]
    private static partial void LogReplayed(ILogger logger, string method, string instanceId);
}
