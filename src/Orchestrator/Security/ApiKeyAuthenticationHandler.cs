using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Itsm.Orchestrator.Security;

/// <summary>
/// Authenticates <c>Authorization: ApiKey &lt;key&gt;</c> as a system principal (<see cref="ItsmRoles.ForApiKeys"/>).
/// Challenges and refusals are RFC 7807 problems: the callers are programs. Wrong keys are counted per client
/// address (<see cref="FailedAttemptLimiter"/>); past the limit a key is not even checked and the answer is 429.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyRing keys,
    FailedAttemptLimiter failures) : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, loggerFactory, encoder)
{
    private const string Prefix = ApiKeyAuthenticationOptions.HeaderScheme + " ";

    private TimeSpan? _throttled;

    /// <summary>True when the request carries an ApiKey Authorization header (the policy scheme's test).</summary>
    internal static bool HasApiKeyHeader(string? authorization)
        => authorization is not null && authorization.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers[HeaderNames.Authorization];
        if (authorization.Count != 1 || !HasApiKeyHeader(authorization[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var address = FailedAttemptLimiter.ApiKeyAddress(Context.Connection.RemoteIpAddress);
        if (failures.Check(address) is { } retryAfter)
        {
            _throttled = retryAfter;
            LogThrottled(Logger, Request.Method, Request.Path, Context.Connection.RemoteIpAddress?.ToString());
            return AuthenticateResult.Fail("Too many failed API keys from this client.");
        }

        var presented = authorization[0]![Prefix.Length..].Trim();
        var keyName = presented.Length == 0 ? null : await keys.MatchAsync(presented, Context.RequestAborted).ConfigureAwait(false);
        if (keyName is null)
        {
            failures.RecordFailure(address);
            LogRejected(Logger, Request.Method, Request.Path, Context.Connection.RemoteIpAddress?.ToString());
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(ItsmPrincipals.ForApiKey(keyName, Scheme.Name), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        if (_throttled is { } retryAfter)
        {
            await ApiProblems.WriteTooManyAttemptsAsync(Context, retryAfter).ConfigureAwait(false);
            return;
        }

        await ApiProblems.WriteUnauthorizedAsync(Context, result.Failure is null ? null : "The API key is not valid.").ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => ApiProblems.WriteForbiddenAsync(Context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invalid API key on {Method} {Path} from {RemoteAddress}")]
    private static partial void LogRejected(ILogger logger, string method, string path, string? remoteAddress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "API key not checked on {Method} {Path}: too many failures from {RemoteAddress}")]
    private static partial void LogThrottled(ILogger logger, string method, string path, string? remoteAddress);
}
