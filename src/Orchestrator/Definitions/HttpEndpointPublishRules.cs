using System.Text.Json.Nodes;
using Itsm.Activities.Definitions;
using Itsm.Activities.Engine;
using Itsm.Orchestrator.Security;

namespace Itsm.Orchestrator.Definitions;

/// <summary>
/// Nothing an <c>Elsa.HttpEndpoint</c> asks for may be silently ignored on a public route. Elsa's endpoint has
/// inputs Itsm does not implement (request timeout, size and file limits, file type filters, the outcomes that
/// expose those failures): a definition that sets one is refused at publish, naming the activity and input, rather
/// than published with a limit that is not there. A trigger's path, methods, authorize and policy are read once at
/// publish to build the route index, so they must be literals; a policy must be one Itsm defines.
/// </summary>
public static class HttpEndpointPublishRules
{
    private const string HttpEndpoint = "Elsa.HttpEndpoint";

    private static readonly string[] Unsupported =
    [
        "requestTimeout", "requestSizeLimit", "fileSizeLimit", "allowedFileExtensions", "blockedFileExtensions",
        "allowedMimeTypes", "exposeRequestTooLargeOutcome", "exposeFileTooLargeOutcome",
        "exposeInvalidFileExtensionOutcome", "exposeInvalidFileMimeTypeOutcome",
    ];

    private static readonly string[] LiteralOnTrigger = ["path", "supportedMethods", "authorize", "policy"];

    private static readonly string[] Policies = [ItsmPolicies.Design, ItsmPolicies.Operate, ItsmPolicies.Read, ItsmPolicies.Work, ItsmPolicies.Admin];

    /// <exception cref="WorkflowDefinitionException">An endpoint uses what Itsm does not honour.</exception>
    public static void Check(CompiledWorkflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        if (workflow.Model.Root?["activities"] is not JsonArray activities) return;
        var errors = new List<DefinitionError>();
        for (var i = 0; i < activities.Count; i++)
        {
            if (activities[i] is not JsonObject activity || !string.Equals(Text(activity["type"]), HttpEndpoint, StringComparison.Ordinal)) continue;
            var id = Text(activity["id"]) ?? "";
            var path = $"root.activities[{i}]";
            foreach (var (key, value) in activity)
                if (Unsupported.Contains(key, StringComparer.OrdinalIgnoreCase) && IsSet(value))
                    errors.Add(new DefinitionError($"{path}.{key}", $"HttpEndpoint '{id}': input '{key}' is not supported by Itsm; remove it."));

            if (!workflow.NodesById.TryGetValue(id, out var node)) continue;
            if (node.CanStartWorkflow)
                foreach (var input in LiteralOnTrigger)
                    if (Find(activity, input) is { } given && IsSet(given) && !node.TryGetConstantInput(input, out _))
                        errors.Add(new DefinitionError($"{path}.{input}", $"HttpEndpoint '{id}': a trigger's '{input}' must be a literal (it is indexed when the workflow is published)."));
            if (node.TryGetConstantInput("policy", out var policy) && policy is string name && !string.IsNullOrWhiteSpace(name)
                && !Policies.Contains(name, StringComparer.Ordinal))
                errors.Add(new DefinitionError($"{path}.policy", $"HttpEndpoint '{id}': unknown policy '{name}' (known: {string.Join(", ", Policies)})."));
        }
        if (errors.Count > 0) throw new WorkflowDefinitionException(errors);
    }

    private static JsonNode? Find(JsonObject activity, string name)
    {
        foreach (var (key, value) in activity)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        return null;
    }

    /// <summary>Elsa exports carry unset inputs as null, an empty expression, false or an empty list.</summary>
    private static bool IsSet(JsonNode? value)
    {
        var text = value switch
        {
            null => null,
            JsonObject wrapper when wrapper.ContainsKey("expression") => wrapper["expression"]?["value"] is { } inner ? Raw(inner) : null,
            JsonObject => "{}",
            _ => Raw(value),
        };
        return !string.IsNullOrWhiteSpace(text) && text.Trim() is not ("false" or "[]" or "null" or "0" or "\"\"");
    }

    private static string Raw(JsonNode node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.ToJsonString();

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
