using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Itsm.Orchestrator.Security;

/// <summary>
/// Browser sign-in with the account's password, kept in the sign-in cookie. A failed sign-in re-renders the form
/// with 401 so scripts and tests can tell it from success (a redirect) without parsing HTML.
/// </summary>
[AllowAnonymous]
[Route("account")]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed partial class AccountController(UserStore users, FailedAttemptLimiter failures, ILogger<AccountController> logger) : ControllerBase
{
    private const string DefaultReturnUrl = "/";

    [HttpGet("sign-in")]
    public IActionResult SignInForm([FromQuery] string? returnUrl)
        => Html(StatusCodes.Status200OK, AccountPages.SignIn(null, SafeReturnUrl(returnUrl), null, SignedInAs()));

    [HttpPost("sign-in")]
    [Consumes("application/x-www-form-urlencoded", "multipart/form-data")]
    public async Task<IActionResult> SignIn(
        [FromForm] string? userName,
        [FromForm] string? password,
        [FromForm] string? returnUrl,
        CancellationToken cancellationToken)
    {
        var target = SafeReturnUrl(returnUrl);
        if (IsCrossSite())
        {
            return Html(StatusCodes.Status403Forbidden, AccountPages.SignIn(userName, target, "Sign in from Itsm's own page.", null));
        }

        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return Html(StatusCodes.Status400BadRequest, AccountPages.SignIn(userName, target, "Enter your user name and password.", null));
        }

        // Counted per address (one client guessing many accounts) and per account (many clients guessing one).
        var address = FailedAttemptLimiter.SignInAddress(HttpContext.Connection.RemoteIpAddress);
        var accountKey = FailedAttemptLimiter.SignInAccount(userName.Trim());
        if (failures.Check(address, accountKey) is { } retryAfter)
        {
            LogSignInThrottled(logger, userName.Trim(), HttpContext.Connection.RemoteIpAddress?.ToString());
            Response.Headers[HeaderNames.RetryAfter] = ApiProblems.RetryAfterSeconds(retryAfter);
            return Html(StatusCodes.Status429TooManyRequests, AccountPages.SignIn(userName, target, "Too many failed attempts. Wait a minute and try again.", null));
        }

        var account = await users.VerifyPasswordAsync(userName.Trim(), password, cancellationToken);
        if (account is null)
        {
            failures.RecordFailure(address, accountKey);
            LogSignInFailed(logger, userName.Trim(), HttpContext.Connection.RemoteIpAddress?.ToString());
            return Html(StatusCodes.Status401Unauthorized, AccountPages.SignIn(userName, target, "The user name or password is incorrect.", null));
        }

        await HttpContext.SignInAsync(
            ItsmAuthenticationSchemes.Cookie,
            ItsmPrincipals.ForUser(account, ItsmAuthenticationSchemes.Cookie),
            new AuthenticationProperties { IsPersistent = false });
        LogSignedIn(logger, account.UserName);
        return LocalRedirect(target);
    }

    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutUser()
    {
        if (IsCrossSite())
        {
            return Html(StatusCodes.Status403Forbidden, AccountPages.SignIn(null, DefaultReturnUrl, "Sign out from Itsm's own page.", SignedInAs()));
        }

        // Clearing the cookie is not enough: a copy of it (another tab's, a stolen one) would stay valid until it
        // expires. Replacing the account's session stamp ends them all, on every node, at once.
        var cookie = await HttpContext.AuthenticateAsync(ItsmAuthenticationSchemes.Cookie);
        if (cookie.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
        {
            await users.EndSessionsAsync(id, HttpContext.RequestAborted);
            LogSignedOut(logger, cookie.Principal.Identity?.Name);
        }

        await HttpContext.SignOutAsync(ItsmAuthenticationSchemes.Cookie);
        return LocalRedirect(ItsmPaths.SignIn.Value!);
    }

    [HttpGet("access-denied")]
    public IActionResult AccessDenied() => Html(StatusCodes.Status403Forbidden, AccountPages.AccessDenied(SignedInAs()));

    /// <summary>Only a path on this site: anything else (absolute, protocol-relative, "/\\host") becomes "/".</summary>
    private string SafeReturnUrl(string? returnUrl)
        => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : DefaultReturnUrl;

    private string? SignedInAs() => User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;

    /// <summary>Refuses a form posted from another site (login and logout CSRF).</summary>
    private bool IsCrossSite() => CrossSiteRequests.IsCrossSite(Request);

    private ContentResult Html(int statusCode, string html)
    {
        Response.Headers[HeaderNames.ContentSecurityPolicy] = AccountPages.ContentSecurityPolicy;
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers[HeaderNames.CacheControl] = "no-store";
        return new ContentResult { StatusCode = statusCode, ContentType = "text/html; charset=utf-8", Content = html };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserName} signed out; all their sessions ended")]
    private static partial void LogSignedOut(ILogger logger, string? userName);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserName} signed in")]
    private static partial void LogSignedIn(ILogger logger, string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in for {UserName} from {RemoteAddress} not checked: too many failures")]
    private static partial void LogSignInThrottled(ILogger logger, string userName, string? remoteAddress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in for {UserName} from {RemoteAddress}")]
    private static partial void LogSignInFailed(ILogger logger, string userName, string? remoteAddress);
}
