using System.Text.Json;
using Itsm.Activities.Expressions;

namespace Itsm.Orchestrator.Api.Common;

/// <summary>
/// Turns JSON that arrived in a request (workflow input, task results, event payloads) into the plain CLR
/// values the engine stores and scripts read, so nothing downstream holds on to a <see cref="JsonElement"/>.
/// </summary>
public static class JsonInput
{
    public static object? ToPlain(JsonElement? element)
        => element is { } value && value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null)
            ? PlainJson.ToPlain(value)
            : null;

    /// <summary>An object's properties as a dictionary; false when the JSON is present but not an object.</summary>
    public static bool TryToDictionary(JsonElement? element, out IReadOnlyDictionary<string, object?>? values)
    {
        values = null;
        if (element is not { } value || value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            return true;
        if (value.ValueKind != JsonValueKind.Object)
            return false;
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
            result[property.Name] = PlainJson.ToPlain(property.Value);
        values = result;
        return true;
    }
}
