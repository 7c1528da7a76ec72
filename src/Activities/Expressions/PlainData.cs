using System.Collections;
using System.Dynamic;
using System.Text.Json;
using Itsm.Activities.Definitions;

namespace Itsm.Activities.Expressions;

/// <summary>
/// Keeps variable values as plain data. A record an activity returns (e.g. a child workflow's result) is
/// turned into the same ExpandoObject/list shape it will have after a save and reload, so scripts see
/// <c>result.output</c> the same way before and after a restart. Nesting is bounded (<see cref="ValueDepth"/>).
/// </summary>
public static class PlainData
{
    public static object? Normalize(object? value) => value switch
    {
        null or string or bool => value,
        ExpandoObject or IDictionary<string, object?> or List<object?> => Checked(value),
        IConvertible or DateTimeOffset or TimeSpan or Guid or DateOnly or TimeOnly => value,
        Array or IList when value.GetType().GetElementType() is { IsPrimitive: true } || value is string[] => value,
        _ => FromRecord(value),
    };

    private static object Checked(object value)
    {
        ValueDepth.Check(value);
        return value;
    }

    private static object? FromRecord(object value)
    {
        ValueDepth.Check(value);
        string json;
        try
        {
            json = JsonSerializer.Serialize(value, ElsaJson.Options);
        }
        catch (JsonException ex) when (ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
        {
            // A record graph (not plain data) nested past the serializer's own bound (64), or cyclic.
            throw ValueDepth.TooDeep();
        }
        return PlainJson.Parse(json);
    }
}
