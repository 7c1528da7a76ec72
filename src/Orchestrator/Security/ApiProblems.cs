using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Itsm.Orchestrator.Security;

/// <summary>The security answers for API calls (401, 403, 415, 429) as RFC 7807 problems (through the app's problem details service).</summary>
internal static class ApiProblems
{
    public static Task WriteUnauthorizedAsync(HttpContext context, string? detail)
    {
        // Tells a client which credentials this API understands.
        context.Response.Headers[HeaderNames.WWWAuthenticate] = ApiKeyAuthenticationOptions.HeaderScheme;
        return Results.Problem(
            detail: detail ?? "Authentication is required: send 'Authorization: ApiKey <key>' or sign in at /account/sign-in.",
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized").ExecuteAsync(context);
    }

    public static Task WriteForbiddenAsync(HttpContext context)
        => Results.Problem(
            detail: "The caller is authenticated but lacks the role this operation requires.",
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden").ExecuteAsync(context);

    public static Task WriteAsync(HttpContext context, int statusCode, string title, string detail)
        => Results.Problem(detail: detail, statusCode: statusCode, title: title).ExecuteAsync(context);

    /// <summary>429 with <c>Retry-After</c> in whole seconds (at least 1), so a client knows when to try again.</summary>
    public static Task WriteTooManyAttemptsAsync(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds(retryAfter);
        return WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests",
            "Too many failed authentication attempts from this client; try again after the Retry-After delay.");
    }

    public static string RetryAfterSeconds(TimeSpan retryAfter)
        => Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
