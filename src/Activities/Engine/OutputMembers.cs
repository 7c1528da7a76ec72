using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;

namespace Itsm.Activities.Engine;

/// <summary>
/// One named output of an activity whose output is an object with several members (Elsa's multi-output activities:
/// <c>HttpEndpoint</c>'s <c>parsedContent</c>, <c>headers</c>…): a map's entry, or a public property matched without
/// regard to case. The getters are compiled once per output type: reflecting per step allocated a property array,
/// a delegate and an enumerator each time (9 % of the bytes a webhook start allocated, measured with dotnet-trace).
/// </summary>
internal static class OutputMembers
{
    private static readonly ConcurrentDictionary<Type, FrozenDictionary<string, Func<object, object?>>> Getters = new();

    public static object? Get(object? output, string name) => output switch
    {
        null => null,
        IDictionary<string, object?> map => map.TryGetValue(name, out var value) ? value : FindIgnoringCase(map, name),
        _ => GettersOf(output.GetType()).TryGetValue(name, out var getter) ? getter(output) : null,
    };

    private static object? FindIgnoringCase(IDictionary<string, object?> map, string name)
    {
        foreach (var pair in map)
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
                return pair.Value;
        return null;
    }

    private static FrozenDictionary<string, Func<object, object?>> GettersOf(Type type) => Getters.GetOrAdd(type, static t =>
    {
        var getters = new Dictionary<string, Func<object, object?>>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // The first match wins, as a case-insensitive search over the properties did.
            if (property.GetIndexParameters().Length > 0 || !property.CanRead || getters.ContainsKey(property.Name)) continue;
            var instance = Expression.Parameter(typeof(object), "output");
            var read = Expression.Property(Expression.Convert(instance, t), property);
            getters[property.Name] = Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), instance).Compile();
        }
        return getters.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    });
}
