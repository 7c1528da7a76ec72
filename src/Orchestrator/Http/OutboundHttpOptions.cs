namespace Itsm.Orchestrator.Http;

/// <summary>Outbound HTTP settings (section <c>Itsm:Http</c>) for <c>Elsa.SendHttpRequest</c>.</summary>
public sealed class OutboundHttpOptions
{
    public const string SectionName = "Itsm:Http";

    /// <summary>Per attempt, from sending the request to the last byte of the response (redirects included).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest response body read (after decompression); a larger one faults the step.</summary>
    public long MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Redirects followed per attempt, every hop checked by the guard again; beyond it the 3xx is the response.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Retries after the first attempt, for idempotent methods only (GET, HEAD, PUT, DELETE, OPTIONS).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry waits about this long (with jitter); each further one about twice as long.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Destinations opened despite the guard: host names (<c>localhost</c>, <c>crm.corp.local</c>, <c>*.corp.local</c>),
    /// IP addresses or CIDR ranges (<c>10.20.0.0/16</c>). Empty: only public addresses can be called.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];
}
