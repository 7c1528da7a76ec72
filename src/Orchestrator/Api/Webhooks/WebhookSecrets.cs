using Microsoft.Extensions.Configuration;

namespace Itsm.Orchestrator.Api.Webhooks;

/// <summary>
/// The signing secrets of webhook triggers, kept in configuration and out of the definition JSON (which is
/// exported, versioned and shown in the designer): <c>Itsm:Webhooks:Secrets:&lt;definitionId&gt;</c> for every
/// HttpEndpoint of a definition, or <c>Itsm:Webhooks:Secrets:&lt;definitionId&gt;:&lt;activityId&gt;</c> for one
/// endpoint (wins over the definition's). A trigger with a secret accepts signed requests only.
/// </summary>
public sealed class WebhookSecrets(IConfiguration configuration)
{
    public const string SectionName = WebhookOptions.SectionName + ":Secrets";

    private readonly IConfigurationSection _section = configuration.GetSection(SectionName);

    /// <summary>Whether any trigger is signed (configuration is not reloaded, so this holds for the host's life).</summary>
    public bool Any { get; } = configuration.GetSection(SectionName).GetChildren().Any();

    public string? Find(string definitionId, string activityId)
    {
        // Unsigned deployments (most) skip the configuration lookups on every webhook call.
        if (!Any) return null;
        var definition = _section.GetSection(definitionId);
        var perActivity = definition.GetSection(activityId).Value;
        if (!string.IsNullOrEmpty(perActivity)) return perActivity;
        return string.IsNullOrEmpty(definition.Value) ? null : definition.Value;
    }
}
