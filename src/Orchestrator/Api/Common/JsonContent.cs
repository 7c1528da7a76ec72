using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

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

    public static (string Path, string Message)? FindProblem(JsonElement element)
        => Check(element) is { } problem ? ("$" + problem.Path, problem.Message("$" + problem.Path)) : null;

    /// <summary>
    /// The first problem under <paramref name="element"/>, its path relative to it. Paths are built only on the way back
    /// from a problem, and valid text is checked without being decoded: building every property's path and decoding
    /// every string allocated 9 % of a webhook start's bytes (measured with dotnet-trace).
    /// </summary>
    private static Problem? Check(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsText(element) ? null : new Problem("", NotText);
            case JsonValueKind.Number:
                return element.TryGetInt64(out _) || (element.TryGetDouble(out var number) && double.IsFinite(number))
                    ? null
                    : new Problem("", path => $"'{path}' is a number out of range.");
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Check(item) is { } problem) return problem with { Path = $"[{index}]{problem.Path}" };
                    index++;
                }
                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsValidName(property))
                        return new Problem("", path => $"A property name in '{path}' is not valid Unicode text.");
                    if (Check(property.Value) is { } problem) return problem with { Path = $".{property.Name}{problem.Path}" };
                }
                return null;
            default:
                return null;
        }
    }

    private static string NotText(string path) => $"'{path}' is not valid Unicode text (a lone surrogate or invalid UTF-8).";

    private static bool IsText(JsonElement element)
    {
        // Without escapes the raw bytes are the text: valid UTF-8 is all there is to check.
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.IndexOf((byte)'\\') < 0) return Utf8.IsValid(raw);
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

    private static bool IsValidName(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.IndexOf((byte)'\\') < 0) return Utf8.IsValid(raw);
        try
        {
            _ = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A problem found: where (relative, built on the way back) and what, given the whole path.</summary>
    private sealed record Problem(string Path, Func<string, string> Message);
}
