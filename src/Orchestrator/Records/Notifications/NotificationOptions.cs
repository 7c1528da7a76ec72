namespace Itsm.Orchestrator.Records.Notifications;

/// <summary>
/// <c>Itsm:Notifications</c>: the channels a notification record is delivered through. None configured: notifications
/// stay <c>undelivered</c> and listed, never dropped.
/// </summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Itsm:Notifications";

    public List<NotificationChannelOptions> Channels { get; } = [];

    /// <summary>How long one HTTP POST may take before it counts as a failed attempt.</summary>
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>One channel: <c>Kind</c> <c>http</c> (POST the notification as JSON to <c>Url</c>) or <c>log</c>.</summary>
public sealed class NotificationChannelOptions
{
    /// <summary>What a notification's <c>channel</c> field names; the kind when not set.</summary>
    public string? Name { get; set; }

    public string Kind { get; set; } = "";

    public Uri? Url { get; set; }

    public string EffectiveName => string.IsNullOrWhiteSpace(Name) ? Kind : Name;
}
