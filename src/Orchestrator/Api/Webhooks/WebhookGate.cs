using System.Diagnostics.CodeAnalysis;
using Itsm.Activities.Engine;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Api.Webhooks;

/// <summary>
/// What a webhook request must satisfy at the endpoint it matched, checked in this order before anything runs:
/// the signature when the trigger has a secret (401), the endpoint's <c>authorize</c>/<c>policy</c> inputs (401/403),
/// the definition's declared inputs on a start (400 naming the field), and last the <c>Idempotency-Key</c>
/// reservation — last, so a refused request never reserves a key. A singleton: its collaborators are, and building
/// it per request showed in the webhook profile.
/// </summary>
public sealed class WebhookGate(
    WebhookSecrets secrets,
    WebhookDeliveryLedger ledger,
    IWorkflowStore store,
    IOptions<WebhookOptions> options,
    TimeProvider clock)
{
    /// <summary>One request's facts and what the gate decided about it (the controller answers from it).</summary>
    [SuppressMessage("Naming", "CA1716", Justification = "One webhook call, always qualified as WebhookGate.Call; VB consumers are not a target.")]
    public sealed class Call(ControllerBase controller, JsonBody body, string route, string? idempotencyKey)
    {
        public ControllerBase Controller { get; } = controller;
        public JsonBody Body { get; } = body;
        public string Route { get; } = route;
        public string? IdempotencyKey { get; } = idempotencyKey;

        /// <summary>The answer when the gate refused.</summary>
        public IActionResult? Refusal { get; set; }

        /// <summary>A redelivery: the instance the key's first delivery started or resumed.</summary>
        public string? Replay { get; set; }

        /// <summary>The instance id reserved for a start under the idempotency key.</summary>
        public string? Reservation { get; set; }
    }

    public async ValueTask<HttpGateDecision> CheckAsync(Call call, HttpDispatchTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(target);
        var refusal = CheckSignature(call, target) ?? await CheckCallerAsync(call, target).ConfigureAwait(false) ?? CheckInputs(call, target);
        if (refusal is not null)
        {
            call.Refusal = refusal;
            return HttpGateDecision.Stop;
        }
        return call.IdempotencyKey is null ? HttpGateDecision.Continue() : await ReserveAsync(call, target, cancellationToken).ConfigureAwait(false);
    }

    private ObjectResult? CheckSignature(Call call, HttpDispatchTarget target)
    {
        var secret = secrets.Find(target.DefinitionId, target.ActivityId);
        if (secret is null) return null;
        var header = call.Controller.Request.Headers[WebhookSignature.HeaderName].ToString();
        var check = WebhookSignature.Verify(header, call.Body.Raw ?? [], secret, clock.GetUtcNow(), options.Value.SignatureTolerance);
        return check switch
        {
            SignatureCheck.Valid => null,
            SignatureCheck.Missing => Unauthorized(call, $"This endpoint accepts signed requests only: send {WebhookSignature.HeaderName}: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\">."),
            SignatureCheck.Malformed => Unauthorized(call, $"{WebhookSignature.HeaderName} must read t=<unix seconds>,v1=<64 hex digits>."),
            SignatureCheck.OutsideWindow => Unauthorized(call, $"The signature's timestamp is more than {options.Value.SignatureTolerance} away from now."),
            _ => Unauthorized(call, "The signature does not match the body."),
        };
    }

    private static async Task<ActionResult?> CheckCallerAsync(Call call, HttpDispatchTarget target)
    {
        if (!target.Authorize && target.Policy is null) return null;
        var context = call.Controller.HttpContext;
        var authentication = await context.AuthenticateAsync(ItsmAuthenticationSchemes.Default).ConfigureAwait(false);
        if (!authentication.Succeeded || authentication.Principal?.Identity?.IsAuthenticated != true)
        {
            context.Response.Headers.WWWAuthenticate = ApiKeyAuthenticationOptions.HeaderScheme;
            return Unauthorized(call, "This endpoint requires authentication: send 'Authorization: ApiKey <key>' or sign in.");
        }
        // A protected endpoint accepts a sign-in cookie, so it gets the API's cross-site check: another site must not
        // make a signed-in browser start or resume a workflow.
        if (authentication.Principal.Identity.AuthenticationType == ItsmAuthenticationSchemes.Cookie
            && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && CrossSiteRequests.IsCrossSite(context.Request))
            return call.Controller.Problem("A signed-in request to a protected endpoint must come from Itsm's own pages (its Origin is another site).",
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        if (target.Policy is null) return null;
        AuthorizationResult result;
        try
        {
            // Resolved only here: the framework registers it transient, and most webhook calls never name a policy.
            var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
            result = await authorization.AuthorizeAsync(authentication.Principal, null, target.Policy).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // An unknown policy name (publish refuses them; an older version may still carry one): deny.
            result = AuthorizationResult.Failed();
        }
        return result.Succeeded
            ? null
            : call.Controller.Problem($"The caller does not satisfy the policy '{target.Policy}' this endpoint requires.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
    }

    private static ActionResult? CheckInputs(Call call, HttpDispatchTarget target)
    {
        if (!target.IsStart || target.Workflow is null) return null;
        return WebhookInputSchema.For(target.Workflow).Check(call.Body.Element) is { } problem
            ? call.Controller.FieldProblem(problem.Field, problem.Message)
            : null;
    }

    private async ValueTask<HttpGateDecision> ReserveAsync(Call call, HttpDispatchTarget target, CancellationToken cancellationToken)
    {
        var candidate = target.InstanceId ?? Ids.New();
        var reservation = await ledger.ReserveAsync(call.Route, call.IdempotencyKey!, candidate, clock.GetUtcNow(), options.Value.IdempotencyWindow, cancellationToken).ConfigureAwait(false);
        if (!target.IsStart)
        {
            if (reservation.IsNew) return HttpGateDecision.Continue();
            call.Replay = reservation.InstanceId;
            return HttpGateDecision.Stop;
        }
        // A start whose key was seen before: answer with that instance, or — when the first delivery reserved the
        // id but crashed before its commit — start it now under the reserved id.
        if (!reservation.IsNew && await store.FindInstanceAsync(reservation.InstanceId, cancellationToken).ConfigureAwait(false) is not null)
        {
            call.Replay = reservation.InstanceId;
            return HttpGateDecision.Stop;
        }
        call.Reservation = reservation.InstanceId;
        return HttpGateDecision.Continue(reservation.InstanceId);
    }

    /// <summary>
    /// The instance an earlier delivery with this key reached, when it still exists. Asked only when nothing on the
    /// route matches any more (the endpoint that delivery resumed is gone); a reservation exists only for a request
    /// that passed the checks above.
    /// </summary>
    public async Task<string?> FindDeliveredAsync(Call call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.IdempotencyKey is null) return null;
        var instanceId = await ledger.FindAsync(call.Route, call.IdempotencyKey, clock.GetUtcNow(), options.Value.IdempotencyWindow, cancellationToken).ConfigureAwait(false);
        return instanceId is not null && await store.FindInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) is not null ? instanceId : null;
    }

    private static ObjectResult Unauthorized(Call call, string detail)
        => call.Controller.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
}
