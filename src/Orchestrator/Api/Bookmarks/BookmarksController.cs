using System.Text.Json;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Itsm.Orchestrator.Api.Bookmarks;

/// <summary>
/// Resume by token: the callback URL a workflow hands to another system (<c>/elsa/api/bookmarks/resume?t=…</c>).
/// The token is the bookmark id (an unguessable 128-bit id). A POST body is the input, either Elsa's
/// <c>{"input": {...}}</c> or any other JSON as is; a GET may pass JSON input in <c>in</c>, as Elsa allows.
/// </summary>
[Route(ElsaApi.Root + "/bookmarks/resume")]
[Tags("Bookmarks")]
public sealed partial class BookmarksController(IWorkflowRuntime runtime, ILogger<BookmarksController> logger) : WorkApiController
{
    private const long MaxBodyBytes = 1024 * 1024;

    [HttpGet]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
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
        var result = await runtime.ResumeBookmarkAsync(token, input, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == ResumeOutcome.NotFound)
            return this.NotFoundProblem("The resume token was already used or is unknown.");
        if (result.Outcome == ResumeOutcome.InstanceFaulted)
            return this.ConflictProblem($"Instance '{result.InstanceId}' is faulted: retry or cancel it before resuming it.");
        LogResumed(logger, result.InstanceId);
        return result.HttpResponse is { } answer
            ? WorkflowHttpResponse.ToResult(answer, Response)
            : Ok(new ResumedInstanceResponse(result.InstanceId, result.State?.Status));
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Bookmark resumed by token; instance {InstanceId}")]
    private static partial void LogResumed(ILogger logger, string? instanceId);
}
