using System.Text.Json;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Itsm.Orchestrator.Api.Bookmarks;

/// <summary>
/// Resume by token: the callback URL a workflow hands to another system (<c>/elsa/api/bookmarks/resume?t=…</c>).
/// The token is the bookmark id (an unguessable 128-bit id). A POST body is the input, either Elsa's
/// <c>{"input": {...}}</c> or any other JSON as is; a GET may pass JSON input in <c>in</c>, as Elsa allows
/// (API keys only: a GET that changes state must not be a link a signed-in person can be lured to).
/// Only callback waits are resumed (<see cref="CallbackBookmarks"/>); a task, timer or child wait is a 409.
/// Ids are not signed tokens: they are hidden from readers without the work role instead (see README).
/// </summary>
[Route(ElsaApi.Root + "/bookmarks/resume")]
[Tags("Bookmarks")]
public sealed partial class BookmarksController(IWorkflowStore store, IWorkflowRuntime runtime, ILogger<BookmarksController> logger) : WorkApiController
{
    private const long MaxBodyBytes = 1024 * 1024;

    [HttpGet]
    [ChangesState]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> ResumeFromQuery([FromQuery(Name = "t")] string? token, [FromQuery(Name = "in")] string? input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token))
            return this.FieldProblem("t", "The resume token is required.");
        object? value = null;
        if (!string.IsNullOrWhiteSpace(input))
        {
            try
            {
                using var document = JsonDocument.Parse(input);
                value = InputOf(document.RootElement);
            }
            catch (JsonException)
            {
                return this.FieldProblem("in", "The input is not valid JSON.");
            }
        }
        return await ResumeAsync(token, value, cancellationToken).ConfigureAwait(false);
    }

    [HttpPost]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    [ProducesResponseType(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IActionResult> ResumeFromBody([FromQuery(Name = "t")] string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token))
            return this.FieldProblem("t", "The resume token is required.");
        var body = await JsonBodyReader.ReadAsync(Request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        return body.Status switch
        {
            JsonBodyStatus.UnsupportedMediaType => Problem(body.Error, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type"),
            JsonBodyStatus.TooLarge => Problem(body.Error, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large"),
            JsonBodyStatus.Malformed => this.FieldProblem("$", body.Error ?? "The body is not valid JSON."),
            _ => await ResumeAsync(token, body.Element is { } element ? InputOf(element) : null, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<IActionResult> ResumeAsync(string token, object? input, CancellationToken cancellationToken)
    {
        var bookmark = await store.FindBookmarkAsync(token, cancellationToken).ConfigureAwait(false);
        if (bookmark is null)
            return UsedOrUnknown();
        if (CallbackBookmarks.Refusal(bookmark.Kind) is { } refusal)
        {
            LogRefused(logger, bookmark.Kind, bookmark.InstanceId);
            return this.ConflictProblem("This token does not belong to a callback wait. " + refusal);
        }

        var actor = ItsmPrincipals.ActorOf(User);
        var result = await runtime.ResumeBookmarkAsync(token, input, cancellationToken, actor).ConfigureAwait(false);
        if (result.Outcome == ResumeOutcome.NotFound)
            return UsedOrUnknown();
        if (result.Outcome == ResumeOutcome.InstanceFaulted)
            return this.ConflictProblem($"Instance '{result.InstanceId}' is faulted: retry or cancel it before resuming it.");
        LogResumed(logger, result.InstanceId, actor);
        return result.HttpResponse is { } answer
            ? WorkflowHttpResponse.ToResult(answer, Response)
            : Ok(new ResumedInstanceResponse(result.InstanceId, result.State?.Status));
    }

    private ObjectResult UsedOrUnknown() => this.NotFoundProblem("The resume token was already used or is unknown.");

    /// <summary>Elsa's body is <c>{"input": …}</c>; anything else is taken as the input itself.</summary>
    private static object? InputOf(JsonElement element)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty("input", out var input) && CountProperties(element) == 1
            ? JsonInput.ToPlain(input)
            : JsonInput.ToPlain(element);

    private static int CountProperties(JsonElement element)
    {
        var count = 0;
        foreach (var _ in element.EnumerateObject()) count++;
        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bookmark resumed by token by {Actor}; instance {InstanceId}")]
    private static partial void LogResumed(ILogger logger, string? instanceId, string actor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resume by token refused: a {Kind} bookmark of instance {InstanceId} is not a callback wait")]
    private static partial void LogRefused(ILogger logger, string kind, string instanceId);
}
