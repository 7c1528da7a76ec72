using System.ComponentModel.DataAnnotations;

namespace Itsm.Orchestrator.Security;

/// <summary>
/// Limits on failed authentication, section <c>Itsm:Security:RateLimits</c>: after <see cref="FailuresPerWindow"/>
/// failed sign-ins (per client IP and per user name) or failed API keys (per client IP) within
/// <see cref="Window"/>, further attempts get 429 with Retry-After until the window ends. Successes do not count.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Itsm:Security:RateLimits";

    [Range(1, 1_000_000)]
    public int FailuresPerWindow { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
