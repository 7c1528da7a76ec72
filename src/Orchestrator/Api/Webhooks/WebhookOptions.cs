using System.ComponentModel.DataAnnotations;

namespace Itsm.Orchestrator.Api.Webhooks;

/// <summary>Limits for inbound webhook requests (<c>Itsm:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Itsm:Webhooks";

    /// <summary>Bodies above this are refused with 413 before they are parsed (the parsed body is stored with the instance).</summary>
    [Range(1, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 262_144;
}
