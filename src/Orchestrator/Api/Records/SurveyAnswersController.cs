using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Records;
using Itsm.Orchestrator.Runtime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Itsm.Orchestrator.Api.Records;

/// <summary>
/// <c>POST /api/surveys/answer</c>: a respondent answers a satisfaction survey. Anonymous: the unguessable token of the
/// invitation is the credential. The answer resumes the instance waiting on the survey (a bookmark of
/// <see cref="SurveyAnswers.BookmarkKind"/> keyed by the token), once: an unknown or used token is a 404 that tells
/// neither apart.
/// </summary>
[ApiController]
[AllowAnonymous]
[Route(ElsaApi.ItsmRoot + "/surveys/answer")]
[Tags("ITIL records")]
public sealed partial class SurveyAnswersController(IWorkflowStore store, IWorkflowRuntime runtime, ILogger<SurveyAnswersController> logger) : ControllerBase
{
    [HttpPost]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> Answer([FromBody] SurveyAnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > SurveyAnswers.MaxTokenLength)
            return this.FieldProblem("token", "The token of the survey invitation is required.");
        if (request.Score is not { ValueKind: System.Text.Json.JsonValueKind.Number } scoreElement || !scoreElement.TryGetInt32(out var score)
            || score is < SurveyAnswers.MinScore or > SurveyAnswers.MaxScore)
            return this.FieldProblem("score", $"A score is a whole number from {SurveyAnswers.MinScore} to {SurveyAnswers.MaxScore}.");
        if (request.Comment is { Length: > SurveyAnswers.MaxCommentLength })
            return this.FieldProblem("comment", $"A comment is at most {SurveyAnswers.MaxCommentLength} characters.");

        var waiting = await store.FindBookmarksAsync(SurveyAnswers.BookmarkKind, request.Token, null, null, cancellationToken).ConfigureAwait(false);
        var input = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [SurveyAnswers.Score] = score,
            [SurveyAnswers.Comment] = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment,
        };
        foreach (var bookmark in waiting)
        {
            var result = await runtime.ResumeBookmarkAsync(bookmark.Id, input, cancellationToken, SurveyAnswers.Actor).ConfigureAwait(false);
            switch (result.Outcome)
            {
                case ResumeOutcome.Resumed:
                    LogAnswered(logger, result.InstanceId, score);
                    return NoContent();
                case ResumeOutcome.InstanceFaulted:
                    return this.ConflictProblem("The survey's workflow is faulted; the answer can be sent again once it is retried.");
            }
        }

        return this.NotFoundProblem("No survey waits for an answer with this token (unknown, or already answered).");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey answered with score {Score}; instance {InstanceId} resumed")]
    private static partial void LogAnswered(ILogger logger, string? instanceId, int score);
}
