using System.Text.Json;
using Itsm.Activities.Definitions;
using Itsm.Orchestrator.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Itsm.Orchestrator.Api.Errors;

/// <summary>
/// The last line for exceptions that escape a controller. Bad input that slipped past model binding
/// (malformed JSON, oversized or truncated bodies, an unreadable definition) becomes a 400 problem; a
/// concurrent write becomes a 409; anything else is a 500 problem that says nothing about the internals
/// (the exception goes to the log, never to the client).
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted)
            return false;

        // The client went away: there is nobody to answer.
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
            return true;

        var problem = Map(exception);
        if (problem.Status >= StatusCodes.Status500InternalServerError)
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        else if (logger.IsEnabled(LogLevel.Information))
        {
            // Evaluated only when the line is written (locals: CA1873 does not see the guard around a [LoggerMessage] call).
            var exceptionType = exception.GetType().Name;
            string path = httpContext.Request.Path;
            LogRejected(logger, exceptionType, problem.Status ?? 0, httpContext.Request.Method, path);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
        }).ConfigureAwait(false);
    }

    private static ProblemDetails Map(Exception exception) => exception switch
    {
        JsonException json => new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Malformed JSON",
            Detail = string.IsNullOrEmpty(json.Path) ? "The request body is not valid JSON." : $"The request body is not valid JSON at '{json.Path}'.",
        },
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = "Bad request",
            Detail = bad.Message,
        },
        WorkflowDefinitionException definition => Invalid(definition.Errors),
        ConcurrencyConflictException conflict => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflict",
            Detail = $"Instance '{conflict.InstanceId}' was changed by another request; try again.",
        },
        RecordConflictException conflict => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflict",
            Detail = $"Record {conflict.RecordType} '{conflict.RecordId}' kept changing under this request; try again.",
        },
        _ => new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "An unexpected error occurred.",
        },
    };

    private static ValidationProblemDetails Invalid(IReadOnlyList<DefinitionError> errors)
    {
        var problem = new ValidationProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The workflow definition is not valid.",
        };
        foreach (var group in errors.GroupBy(error => error.Path, StringComparer.Ordinal))
            problem.Errors[group.Key] = group.Select(error => error.Message).ToArray();
        return problem;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ExceptionType} answered as {StatusCode} on {Method} {Path}")]
    private static partial void LogRejected(ILogger logger, string exceptionType, int statusCode, string method, string path);
}
