using System.Globalization;
using System.Text.Json;
using Itsm.Activities.Definitions;
using Itsm.Activities.Model;

namespace Itsm.Activities.Engine;

/// <summary>The short text a journal row keeps of an activity's output: enough to read the history, never the whole payload.</summary>
internal static class JournalSummary
{
    public static string? Of(object? output, int maxLength) => output switch
    {
        null => null,
        string text => Truncate(text, maxLength),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        // A request is summarised by its route; its body is in the variables the flow bound it to.
        HttpRequestData request => $"{request.Method} /{request.Path.TrimStart('/')}",
        _ => Truncate(TrySerialize(output), maxLength),
    };

    public static string Truncate(string text, int maxLength) => text.Length <= maxLength ? text : text[..maxLength] + "…";

    private static string TrySerialize(object value)
    {
        try
        {
            return JsonSerializer.Serialize(value, ElsaJson.Options);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            return value.ToString() ?? value.GetType().Name;
        }
    }
}
