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
public sealed partial class AccountController(UserStore users, ILogger<AccountController> logger) : ControllerBase
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

        var account = await users.VerifyPasswordAsync(userName.Trim(), password, cancellationToken);
        if (account is null)
        {
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

        await HttpContext.SignOutAsync(ItsmAuthenticationSchemes.Cookie);
        return LocalRedirect(ItsmPaths.SignIn.Value!);
    }

    [HttpGet("access-denied")]
    public IActionResult AccessDenied() => Html(StatusCodes.Status403Forbidden, AccountPages.AccessDenied(SignedInAs()));

    /// <summary>Only a path on this site: anything else (absolute, protocol-relative, "/\\host") becomes "/".</summary>
    private string SafeReturnUrl(string? returnUrl)
        => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : DefaultReturnUrl;

    private string? SignedInAs() => User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;

    /// <summary>
    /// Refuses a form posted from another site (login and logout CSRF). Browsers send Origin (and Sec-Fetch-Site)
    /// on every POST; a client that sends neither is not a browser and is not at risk.
    /// </summary>
    private bool IsCrossSite()
    {
        if (string.Equals(Request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var origin = Request.Headers[HeaderNames.Origin].ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        // Only the host is compared: behind a TLS-terminating proxy the scheme seen here may differ from the browser's.
        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Authority, Request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private ContentResult Html(int statusCode, string html)
    {
        Response.Headers[HeaderNames.ContentSecurityPolicy] = AccountPages.ContentSecurityPolicy;
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers[HeaderNames.CacheControl] = "no-store";
        return new ContentResult { StatusCode = statusCode, ContentType = "text/html; charset=utf-8", Content = html };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserName} signed in")]
    private static partial void LogSignedIn(ILogger logger, string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in for {UserName} from {RemoteAddress}")]
    private static partial void LogSignInFailed(ILogger logger, string userName, string? remoteAddress);
}
