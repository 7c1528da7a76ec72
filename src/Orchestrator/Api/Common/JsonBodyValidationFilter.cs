using System.Text.Json;
using Itsm.Orchestrator.Api.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Itsm.Orchestrator.Api.Common;

/// <summary>
/// Checks a JSON body before MVC binds it, for every action with a <c>[FromBody]</c> parameter. System.Text.Json
/// binds a lone surrogate, invalid UTF-8 or <c>1e999</c> into a <see cref="JsonElement"/> (workflow input, event
/// payloads, definition roots) without complaint and fails only when the value is read — a 500 far from the
/// request — and it lets duplicate keys through (last one wins). Here each is a 400 naming the JSON path, and a
/// body over <see cref="MaxBytes"/> is a 413, before anything runs. Bodies that are not JSON are left to MVC (415).
/// </summary>
public sealed class JsonBodyValidationFilter : IAsyncResourceFilter
{
    /// <summary>Definitions are the largest bodies the API takes; a few MB is far above any real one.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        MaxDepth = JsonContent.MaxDepth,
        AllowDuplicateProperties = false,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var takesBody = context.ActionDescriptor.Parameters.Any(p => p.BindingInfo?.BindingSource == BindingSource.Body);
        if (!takesBody || request.ContentLength == 0 || !JsonBodyReader.IsJson(request.ContentType))
        {
            await next().ConfigureAwait(false);
            return;
        }

        if (request.ContentLength > MaxBytes)
        {
            context.Result = TooLarge();
            return;
        }
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBytes + 1);
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Over the buffer limit (a chunked body without a length).
            context.Result = TooLarge();
            return;
        }
        if (buffer.Length > MaxBytes)
        {
            context.Result = TooLarge();
            return;
        }
        request.Body.Position = 0;

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (!bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            try
            {
                using var document = JsonDocument.Parse(bytes, ParseOptions);
                if (JsonContent.FindProblem(document.RootElement) is { } problem)
                {
                    context.Result = Invalid(context, problem.Path, problem.Message);
                    return;
                }
            }
            catch (JsonException ex)
            {
                context.Result = Invalid(context, string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path,
                    $"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {FirstSentence(ex.Message)}");
                return;
            }
        }
        await next().ConfigureAwait(false);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    private static BadRequestObjectResult Invalid(ResourceExecutingContext context, string field, string message)
    {
        var errors = new ModelStateDictionary();
        errors.AddModelError(field, message);
        var factory = context.HttpContext.RequestServices.GetService(typeof(Microsoft.AspNetCore.Mvc.Infrastructure.ProblemDetailsFactory))
            as Microsoft.AspNetCore.Mvc.Infrastructure.ProblemDetailsFactory;
        var problem = factory!.CreateValidationProblemDetails(context.HttpContext, errors, StatusCodes.Status400BadRequest);
        return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }

    private static ObjectResult TooLarge() => new(new ProblemDetails
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "Payload too large",
        Detail = $"The body is larger than {MaxBytes} bytes.",
    })
    {
        StatusCode = StatusCodes.Status413PayloadTooLarge,
        ContentTypes = { "application/problem+json" },
    };
}
