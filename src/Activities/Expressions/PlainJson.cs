using System.Dynamic;
using System.Text.Json;

namespace Itsm.Activities.Expressions;

/// <summary>
/// Turns JSON into plain CLR values (string, bool, long/double, <see cref="ExpandoObject"/>, <c>List&lt;object?&gt;</c>):
/// the representation variables and scripts share, and that serializes back to the same JSON.
/// </summary>
public static class PlainJson
{
    public static object? ToPlain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.GetDouble(),
        JsonValueKind.Object => ToExpando(element),
        JsonValueKind.Array => element.EnumerateArray().Select(ToPlain).ToList(),
        _ => null,
    };

    public static object? Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        return ToPlain(document.RootElement);
    }

    private static ExpandoObject ToExpando(JsonElement element)
    {
        var result = new ExpandoObject();
        IDictionary<string, object?> map = result;
        foreach (var property in element.EnumerateObject())
            map[property.Name] = ToPlain(property.Value);
        return result;
    }
}
