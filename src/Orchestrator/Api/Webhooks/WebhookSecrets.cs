using System.Collections.Frozen;
using Microsoft.Extensions.Configuration;

namespace Itsm.Orchestrator.Api.Webhooks;

/// <summary>
/// The signing secrets of webhook triggers, kept in configuration and out of the definition JSON (which is
/// exported, versioned and shown in the designer): <c>Itsm:Webhooks:Secrets:&lt;definitionId&gt;</c> for every
/// HttpEndpoint of a definition, or <c>Itsm:Webhooks:Secrets:&lt;definitionId&gt;:&lt;activityId&gt;</c> for one
/// endpoint (wins over the definition's). A trigger with a secret accepts signed requests only.
/// </summary>
/// <remarks>
/// Read once at start (configuration is not reloaded): looking them up in the configuration on every webhook call
/// took the configuration manager's lock and showed as contention in a profile of webhook starts.
/// </remarks>
public sealed class WebhookSecrets(IConfiguration configuration)
{
    public const string SectionName = WebhookOptions.SectionName + ":Secrets";

    // "definitionId" and "definitionId:activityId" → secret.
    private readonly FrozenDictionary<string, string> _secrets = Load(configuration.GetSection(SectionName));

    /// <summary>Whether any trigger is signed.</summary>
    public bool Any => _secrets.Count > 0;

    public string? Find(string definitionId, string activityId)
    {
        if (_secrets.Count == 0) return null;
        return _secrets.GetValueOrDefault($"{definitionId}:{activityId}") ?? _secrets.GetValueOrDefault(definitionId);
    }

    private static FrozenDictionary<string, string> Load(IConfigurationSection section)
    {
        var secrets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in section.GetChildren())
        {
            if (!string.IsNullOrEmpty(definition.Value)) secrets[definition.Key] = definition.Value;
            foreach (var activity in definition.GetChildren())
                if (!string.IsNullOrEmpty(activity.Value)) secrets[$"{definition.Key}:{activity.Key}"] = activity.Value;
        }
        return secrets.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
