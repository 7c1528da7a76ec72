using System.ComponentModel.DataAnnotations;

namespace Itsm.Orchestrator.Api.Webhooks;

/// <summary>Per-route fixed-window limit for the anonymous webhook routes (<c>Itsm:Webhooks:RateLimit</c>).</summary>
public sealed class WebhookRateLimitOptions
{
    /// <summary>Requests a route accepts per <see cref="Window"/>; 0 turns the limit off.</summary>
    [Range(0, int.MaxValue)]
    public int PermitLimit { get; set; } = 600;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
