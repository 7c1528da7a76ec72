using System.Text.Json;
using System.Text.Json.Nodes;
using Itsm.Activities.Definitions;
using Itsm.Activities.Expressions;
using Itsm.Activities.Itil;

namespace Itsm.Activities.Engine;

/// <summary>
/// Reads a node's ITIL tags when its definition is compiled. Tag by tag, the first that is set wins: the node's tag
/// input (<see cref="ItilTagInputs"/>), then the legacy <c>customProperties.itil</c> <c>{chain, practices, roles}</c>,
/// then the activity type's <see cref="ItilTagsAttribute"/> defaults. Tags are metadata, never bound as inputs: they
/// are static, so a script, variable or any other computed expression is refused. An empty list counts as unset, because Studio writes
/// an empty value for a checklist nobody touched and the type's defaults must still apply there.
/// Ids are not checked against the catalogue here (publishing does that), so a stored version always loads.
/// </summary>
internal static class NodeTagReader
{
    private const int MaxTagLength = 200;

    public static NodeTags Read(JsonObject activity, string nodeId, string path, NodeTags defaults, List<DefinitionError> errors)
    {
        var legacy = activity["customProperties"]?["itil"] as JsonObject;
        var valueChain = ReadInput(activity, ItilTagInputs.ValueChain, nodeId, path, errors) ?? ReadLegacy(legacy, "chain", "valueChain");
        var practices = ReadInput(activity, ItilTagInputs.Practices, nodeId, path, errors) ?? ReadLegacy(legacy, "practices");
        var roles = ReadInput(activity, ItilTagInputs.Roles, nodeId, path, errors, StringComparer.OrdinalIgnoreCase) ?? ReadLegacy(legacy, "roles");
        return NodeTags.Merge(valueChain, practices, roles, defaults);
    }

    private static List<string>? ReadInput(JsonObject activity, string name, string nodeId, string path, List<DefinitionError> errors, StringComparer? comparer = null)
    {
        var input = FindProperty(activity, name);
        var at = $"{path}.{name}";
        if (input is JsonObject wrapper)
        {
            if (!wrapper.ContainsKey("expression"))
                return null;
            if (wrapper["expression"] is not JsonObject expression)
                return null;
            at += ".expression";
            var type = expression["type"] is JsonValue typeValue && typeValue.TryGetValue<string>(out var text) ? text : null;
            if (type is not null && !type.Equals(ExpressionTypes.Literal, StringComparison.OrdinalIgnoreCase)
                && !type.Equals(ExpressionTypes.Object, StringComparison.OrdinalIgnoreCase))
            {
                // Switching the editor to a script and leaving it empty sets nothing.
                var script = expression["value"] is JsonValue scriptValue && scriptValue.TryGetValue<string>(out var scriptText) ? scriptText : expression["value"]?.ToJsonString();
                if (string.IsNullOrWhiteSpace(script) || script == "null")
                    return null;
                errors.Add(new DefinitionError($"{at}.type",
                    $"Activity '{nodeId}': the ITIL tag '{name}' must be a list of ids, not a {type} expression (tags are fixed when the workflow is published)."));
                return null;
            }
            input = expression["value"];
            at += ".value";
        }

        List<string>? values;
        try
        {
            values = input switch
            {
                null => null,
                JsonArray array => array.Select(item => item is JsonValue value && value.TryGetValue<string>(out var s) ? s
                    : throw new FormatException("every entry must be a string")).ToList(),
                JsonValue value when value.TryGetValue<string>(out var s) => ParseText(s),
                JsonValue value when value.GetValueKind() == JsonValueKind.Null => null,
                _ => throw new FormatException("expected a list of ids (a JSON array, or text such as [\"engage\"] or engage, plan)"),
            };
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            errors.Add(new DefinitionError(at, $"Activity '{nodeId}': the ITIL tag '{name}' is not a list of ids: {ex.Message}."));
            return null;
        }
        return Clean(values, name, nodeId, at, errors, comparer ?? StringComparer.Ordinal);
    }

    /// <summary>A JSON array in text (what Studio's checklist writes) or a comma-separated list.</summary>
    private static List<string>? ParseText(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return null;
        if (trimmed[0] != '[') return trimmed.Split(',').ToList();
        var array = JsonNode.Parse(trimmed) as JsonArray ?? throw new FormatException("the text is not a JSON array");
        return array.Select(item => item is JsonValue value && value.TryGetValue<string>(out var s) ? s
            : throw new FormatException("every entry must be a string")).ToList();
    }

    private static List<string>? Clean(List<string>? values, string name, string nodeId, string at, List<DefinitionError> errors, StringComparer comparer)
    {
        if (values is null) return null;
        var result = new List<string>(values.Count);
        foreach (var raw in values)
        {
            var value = raw.Trim();
            if (value.Length == 0) continue;
            if (!IsAcceptable(value))
            {
                errors.Add(new DefinitionError(at,
                    $"Activity '{nodeId}': the ITIL tag '{name}' has an unusable value '{value}' (at most {MaxTagLength} characters, no quotes, backslashes or control characters)."));
                continue;
            }
            if (!result.Contains(value, comparer)) result.Add(value);
        }
        return result.Count == 0 ? null : result;
    }

    /// <summary>Older definitions kept tags in <c>customProperties.itil</c>; read leniently (what does not fit is skipped) so they still load.</summary>
    private static List<string>? ReadLegacy(JsonObject? legacy, params string[] keys)
    {
        if (legacy is null) return null;
        foreach (var key in keys)
        {
            var values = legacy[key] switch
            {
                JsonArray array => array.Select(item => item is JsonValue value && value.TryGetValue<string>(out var s) ? s.Trim() : "").ToList(),
                JsonValue value when value.TryGetValue<string>(out var s) => s.Split(',').Select(part => part.Trim()).ToList(),
                _ => null,
            };
            if (values is null) continue;
            var kept = values.Where(value => value.Length > 0 && IsAcceptable(value)).Distinct(StringComparer.Ordinal).ToList();
            return kept.Count == 0 ? null : kept;
        }
        return null;
    }

    private static bool IsAcceptable(string value)
        => value.Length <= MaxTagLength && !value.Any(c => c is '"' or '\\' || char.IsControl(c));

    private static JsonNode? FindProperty(JsonObject activity, string name)
    {
        if (activity.TryGetPropertyValue(name, out var exact)) return exact;
        foreach (var (key, value) in activity)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        return null;
    }
}
