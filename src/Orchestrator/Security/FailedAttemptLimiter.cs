using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Security;

/// <summary>
/// Counts failed authentications per client IP and per user name with the framework's fixed-window limiters
/// (<see cref="PartitionedRateLimiter"/>; ASP.NET Core's rate-limiting middleware is built on them). The
/// middleware itself is not used: it spends a permit on every request, while only failures may count, and the
/// user name of a sign-in is known only once the form is read. So the places that know the outcome ask
/// <see cref="Check"/> before verifying a credential (a blocked client is not even verified, so guessing stops)
/// and <see cref="RecordFailure"/> after a wrong one. Idle partitions are dropped by the limiter itself, so
/// an attacker's many names or addresses do not pile up once their windows end.
/// </summary>
public sealed class FailedAttemptLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public FailedAttemptLimiter(IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.FailuresPerWindow,
            Window = settings.Window,
            QueueLimit = 0,
            // The partitioned limiter's own heartbeat replenishes: no timer per client.
            AutoReplenishment = false,
        }));
    }

    /// <summary>The partition of failed sign-ins from one address.</summary>
    public static string SignInAddress(IPAddress? address) => "sign-in/ip/" + (address?.ToString() ?? "unknown");

    /// <summary>The partition of failed sign-ins for one account (names are case-insensitive).</summary>
    public static string SignInAccount(string userName) => "sign-in/user/" + userName.ToUpperInvariant();

    /// <summary>The partition of wrong API keys from one address.</summary>
    public static string ApiKeyAddress(IPAddress? address) => "api-key/ip/" + (address?.ToString() ?? "unknown");

    /// <summary>Null when every key may still fail, else how long until the first blocked one may try again.</summary>
    public TimeSpan? Check(params ReadOnlySpan<string> keys)
    {
        TimeSpan? blocked = null;
        foreach (var key in keys)
        {
            // Asking for no permit only tells whether one is left; it spends nothing.
            using var probe = _limiter.AttemptAcquire(key, 0);
            if (!probe.IsAcquired)
            {
                var retryAfter = probe.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                blocked = blocked is { } longest && longest > retryAfter ? longest : retryAfter;
            }
        }

        return blocked;
    }

    public void RecordFailure(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            using var lease = _limiter.AttemptAcquire(key);
        }
    }

    public void Dispose() => _limiter.Dispose();
}
