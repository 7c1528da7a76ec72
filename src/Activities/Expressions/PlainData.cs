using System.Collections;
using System.Dynamic;
using System.Text.Json;
using Itsm.Activities.Definitions;

namespace Itsm.Activities.Expressions;

/// <summary>
/// Keeps variable values as plain data. A record an activity returns (e.g. a child workflow's result) is
/// turned into the same ExpandoObject/list shape it will have after a save and reload, so scripts see
/// <c>result.output</c> the same way before and after a restart.
/// </summary>
public static class PlainData
{
    public static object? Normalize(object? value) => value switch
    {
        null or string or bool or ExpandoObject or IDictionary<string, object?> or List<object?> => value,
        IConvertible or DateTimeOffset or TimeSpan or Guid or DateOnly or TimeOnly => value,
        Array or IList when value.GetType().GetElementType() is { IsPrimitive: true } || value is string[] => value,
        _ => PlainJson.Parse(JsonSerializer.Serialize(value, ElsaJson.Options)),
    };
}
