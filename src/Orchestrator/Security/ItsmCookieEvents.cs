using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Itsm.Orchestrator.Security;

/// <summary>
/// The sign-in cookie's behaviour: API calls get 401/403 problems instead of redirects to the HTML form, and every
/// request re-reads the account (one indexed lookup, no cache: sign-out must hold at once) so sign-out, a deleted
/// user, a changed password or changed roles end the session at once (the session stamp no longer matches),
/// and other changes (the display name) apply at once, without waiting for the cookie to expire.
/// </summary>
public sealed class ItsmCookieEvents : CookieAuthenticationEvents
{
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ItsmPaths.IsApi(context.Request.Path)
            ? ApiProblems.WriteUnauthorizedAsync(context.HttpContext, null)
            : base.RedirectToLogin(context);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ItsmPaths.IsApi(context.Request.Path)
            ? ApiProblems.WriteForbiddenAsync(context.HttpContext)
            : base.RedirectToAccessDenied(context);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal ?? new ClaimsPrincipal();
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var users = context.HttpContext.RequestServices.GetRequiredService<UserStore>();
        var account = id is null ? null : await users.FindByIdAsync(id, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (account is null
            || account.PasswordStamp != principal.FindFirstValue(ItsmClaimTypes.PasswordStamp)
            || account.SessionStamp != principal.FindFirstValue(ItsmClaimTypes.SessionStamp))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name).ConfigureAwait(false);
            return;
        }

        var stamp = account.UpdatedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (stamp != principal.FindFirstValue(ItsmClaimTypes.AccountStamp))
        {
            context.ReplacePrincipal(ItsmPrincipals.ForUser(account, context.Scheme.Name));
            context.ShouldRenew = true;
        }
    }
}
