using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Itsm.Orchestrator.Security;

/// <summary>The 401 and 403 answers for API calls, as RFC 7807 problems (through the app's problem details service).</summary>
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
}
