using System.Globalization;
using System.Threading.RateLimiting;
using Itsm.Activities.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Api.Webhooks;

/// <summary>
/// A fixed window of <see cref="WebhookRateLimitOptions.PermitLimit"/> requests per webhook route (normalized path),
/// so one noisy or hostile sender on an anonymous route cannot starve the writer for every other route.
/// Over the limit: 429 problem with <c>Retry-After</c> (seconds). Requests are not queued: a sender retries.
/// </summary>
public static class WebhookRateLimiting
{
    public const string PolicyName = "webhooks";

    public static IServiceCollection AddWebhookRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PolicyName, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<WebhookOptions>>().Value.RateLimit;
                if (settings.PermitLimit <= 0) return RateLimitPartition.GetNoLimiter("off");
                var route = HttpRoutes.Normalize(context.Request.RouteValues["path"] as string);
                return RateLimitPartition.GetFixedWindowLimiter(route, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PermitLimit,
                    Window = settings.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                    : (int)Math.Ceiling(http.RequestServices.GetRequiredService<IOptions<WebhookOptions>>().Value.RateLimit.Window.TotalSeconds);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"This webhook route takes at most {http.RequestServices.GetRequiredService<IOptions<WebhookOptions>>().Value.RateLimit.PermitLimit} requests per window; retry after {retryAfter} s.",
                    },
                }).ConfigureAwait(false);
            };
        });
        return services;
    }
}
