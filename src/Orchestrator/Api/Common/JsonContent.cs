using System.Text.Json;

namespace Itsm.Orchestrator.Api.Common;

/// <summary>
/// What well-formed JSON may still hold that Itsm cannot keep: strings that are not valid Unicode (a lone surrogate
/// such as <c>"\ud800"</c>, invalid UTF-8 bytes) and numbers no CLR number holds (<c>1e999</c>, a 400-digit
/// integer). System.Text.Json accepts both when parsing and throws only when the value is read, which would turn
/// bad input into a 500 far from the request; checked here, they are a 400 naming the JSON path.
/// </summary>
public static class JsonContent
{
    /// <summary>Nesting deeper than this is refused while parsing (System.Text.Json's default).</summary>
    public const int MaxDepth = 64;

    public static (string Path, string Message)? FindProblem(JsonElement element) => Check(element, "$");

    private static (string Path, string Message)? Check(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsText(element) ? null : (path, $"'{path}' is not valid Unicode text (a lone surrogate or invalid UTF-8).");
            case JsonValueKind.Number:
                return element.TryGetInt64(out _) || (element.TryGetDouble(out var number) && double.IsFinite(number))
                    ? null
                    : (path, $"'{path}' is a number out of range.");
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Check(item, $"{path}[{index}]") is { } problem) return problem;
                    index++;
                }
                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return (path, $"A property name in '{path}' is not valid Unicode text.");
                    }
                    if (Check(property.Value, $"{path}.{name}") is { } problem) return problem;
                }
                return null;
            default:
                return null;
        }
    }

    private static bool IsText(JsonElement element)
    {
        try
        {
            _ = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
