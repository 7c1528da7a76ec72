using System.Dynamic;
using System.Text.Json;

namespace Itsm.Activities.Expressions;

/// <summary>
/// Turns JSON into plain CLR values (string, bool, long/double, <see cref="ExpandoObject"/>, <c>List&lt;object?&gt;</c>):
/// the representation variables and scripts share, and that serializes back to the same JSON.
/// Nesting is bounded (<see cref="ValueDepth"/>): deeper JSON is a <see cref="WorkflowValueException"/>.
/// </summary>
public static class PlainJson
{
    public static object? ToPlain(JsonElement element) => ToPlain(element, 1, ValueDepth.DefaultMax);

    public static object? ToPlain(JsonElement element, int maxDepth) => ToPlain(element, 1, maxDepth);

    public static object? Parse(string json) => Parse(json, ValueDepth.DefaultMax);

    public static object? Parse(string json, int maxDepth)
    {
        JsonDocument document;
        try
        {
            // The reader gets one level of slack so that our own counter, not the reader's, names the limit.
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = maxDepth + 1 });
        }
        catch (JsonException) when (ExceedsDepth(json, maxDepth))
        {
            throw ValueDepth.TooDeep(maxDepth);
        }
        using (document) return ToPlain(document.RootElement, 1, maxDepth);
    }

    private static object? ToPlain(JsonElement element, int depth, int maxDepth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String: return element.GetString();
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.Number: return element.TryGetInt64(out var whole) ? whole : element.GetDouble();
            case JsonValueKind.Object:
            {
                ValueDepth.Enter(depth, maxDepth);
                var result = new ExpandoObject();
                IDictionary<string, object?> map = result;
                foreach (var property in element.EnumerateObject())
                    map[property.Name] = ToPlain(property.Value, depth + 1, maxDepth);
                return result;
            }
            case JsonValueKind.Array:
            {
                ValueDepth.Enter(depth, maxDepth);
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray()) list.Add(ToPlain(item, depth + 1, maxDepth));
                return list;
            }
            default: return null;
        }
    }

    /// <summary>Whether the text opens more than <paramref name="maxDepth"/> containers before closing them (strings skipped).</summary>
    private static bool ExceedsDepth(string json, int maxDepth)
    {
        var depth = 0;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c)
            {
                case '"': inString = true; break;
                case '[' or '{' when ++depth > maxDepth: return true;
                case ']' or '}': depth--; break;
            }
        }
        return false;
    }
}
