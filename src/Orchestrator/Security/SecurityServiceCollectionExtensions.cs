using Itsm.Orchestrator.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

using Itsm.Orchestrator.Runtime;

namespace Itsm.Orchestrator.Security;

/// <summary>
/// Who may call what: systems with API keys, people with a password and a sign-in cookie, role-based policies
/// (<see cref="ItsmPolicies"/>) and a fallback that closes every endpoint not explicitly opened.
/// </summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>The sign-in cookie's name.</summary>
    public const string CookieName = ".Itsm.Session";

    /// <summary>
    /// Registers the authentication schemes, the policies, the Users store, the account/users controllers and the
    /// <see cref="SecurityBootstrapper"/> (hosted: first admin and API keys after the database is migrated).
    /// Needs <see cref="PersistenceServiceCollectionExtensions.AddItsmPersistence"/>.
    /// </summary>
    public static IServiceCollection AddItsmSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SecurityOptions>()
            .Bind(configuration.GetSection(SecurityOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecurityOptions>, SharedDatabaseApiKeysValidator>());
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<FailedAttemptLimiter>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.TryAddSingleton<UserStore>();
        services.TryAddSingleton<ApiKeyRing>();
        services.TryAddSingleton<ItsmCookieEvents>();
        services.TryAddSingleton<SecurityBootstrapper>();
        services.AddItsmStartupSeedingLock(configuration);
        services.AddHostedService(provider => provider.GetRequiredService<SecurityBootstrapper>());

        services.AddAuthentication(ItsmAuthenticationSchemes.Default)
            .AddPolicyScheme(ItsmAuthenticationSchemes.Default, "API key or sign-in cookie", options =>
                options.ForwardDefaultSelector = SelectScheme)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ItsmAuthenticationSchemes.ApiKey, "API key", null)
            .AddCookie(ItsmAuthenticationSchemes.Cookie, "Sign-in cookie", options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                // Lax: a cross-site POST (CSRF against the API or the forms) does not carry the cookie, while a
                // link from elsewhere still opens a signed-in page.
                options.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = ItsmPaths.SignIn;
                options.LogoutPath = ItsmPaths.SignOut;
                options.AccessDeniedPath = ItsmPaths.AccessDenied;
                options.ReturnUrlParameter = "returnUrl";
                options.SlidingExpiration = true;
                options.EventsType = typeof(ItsmCookieEvents);
            });
        services.AddOptions<CookieAuthenticationOptions>(ItsmAuthenticationSchemes.Cookie)
            .Configure<IOptions<SecurityOptions>>((cookie, security) => cookie.ExpireTimeSpan = security.Value.SessionLifetime);

        // The cookie is encrypted with Data Protection keys; kept in the database they survive restarts with it, and
        // every host on one database reads the same keys, so a cookie from one node works on any other.
        services.AddDataProtection().SetApplicationName("Itsm").PersistKeysToDbContext<ItsmDbContext>();

        services.AddAuthorization(ItsmPolicies.Register);

        services.AddControllers().AddApplicationPart(typeof(SecurityServiceCollectionExtensions).Assembly);
        services.AddProblemDetails();
        return services;
    }

    /// <summary>
    /// Authentication and authorization middleware, and the account/users endpoints (mapping controllers again
    /// is harmless: MVC keeps one endpoint source). Call after routing-independent middleware such as the
    /// exception handler and before the endpoints run (minimal hosting puts routing first on its own).
    /// </summary>
    public static WebApplication UseItsmSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<RequestForgeryGuard>();
        app.MapControllers();
        return app;
    }

    /// <summary>
    /// The policy scheme's choice: an ApiKey header → the API key handler; everything else → the cookie.
    /// A Bearer token goes to the API key handler as well until an OAuth handler exists
    /// (<see cref="ItsmAuthenticationSchemes.Bearer"/> is reserved for it): it is then simply not a valid
    /// credential (401 problem) instead of being ignored in favour of a cookie.
    /// </summary>
    internal static string SelectScheme(HttpContext context)
    {
        string? authorization = context.Request.Headers[HeaderNames.Authorization];
        if (ApiKeyAuthenticationHandler.HasApiKeyHeader(authorization)
            || (authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)))
        {
            return ItsmAuthenticationSchemes.ApiKey;
        }

        return ItsmAuthenticationSchemes.Cookie;
    }
}
