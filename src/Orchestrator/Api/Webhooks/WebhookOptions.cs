using System.ComponentModel.DataAnnotations;

namespace Itsm.Orchestrator.Api.Webhooks;

/// <summary>Limits and protections for inbound webhook requests (<c>Itsm:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Itsm:Webhooks";

    /// <summary>Bodies above this are refused with 413 before they are parsed (the parsed body is stored with the instance).</summary>
    [Range(1, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 262_144;

    /// <summary>How far a signature's timestamp may be from now (either way) before it is refused as a replay.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an <c>Idempotency-Key</c> is remembered: a redelivery within it answers with the first call's instance.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Correlation ids longer than this are refused (they are indexed and shown in lists).</summary>
    public const int MaxCorrelationIdLength = 256;

    /// <summary>Idempotency keys longer than this are refused (they are part of a unique key).</summary>
    public const int MaxIdempotencyKeyLength = 255;

    public WebhookRateLimitOptions RateLimit { get; set; } = new();
}
