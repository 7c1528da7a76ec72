using System.Dynamic;

namespace Itsm.Activities.Expressions;

/// <summary>
/// Elsa's type names (<c>Int32</c>, <c>String[]</c>, …) to CLR types and back. Unknown names are not an error:
/// a value of an unknown type is kept as a plain object, as Elsa exports carry many assembly-qualified names.
/// </summary>
public static class TypeAliases
{
    private static readonly Dictionary<string, Type> ByAlias = new(StringComparer.OrdinalIgnoreCase)
    {
        ["String"] = typeof(string),
        ["Boolean"] = typeof(bool),
        ["Int16"] = typeof(short),
        ["Int32"] = typeof(int),
        ["Int64"] = typeof(long),
        ["Single"] = typeof(float),
        ["Double"] = typeof(double),
        ["Decimal"] = typeof(decimal),
        ["Byte"] = typeof(byte),
        ["Char"] = typeof(char),
        ["DateTime"] = typeof(DateTime),
        ["DateTimeOffset"] = typeof(DateTimeOffset),
        ["DateOnly"] = typeof(DateOnly),
        ["TimeOnly"] = typeof(TimeOnly),
        ["TimeSpan"] = typeof(TimeSpan),
        ["Guid"] = typeof(Guid),
        ["Object"] = typeof(object),
        ["ExpandoObject"] = typeof(ExpandoObject),
    };

    private static readonly Dictionary<Type, string> ByType = ByAlias
        .GroupBy(pair => pair.Value)
        .ToDictionary(group => group.Key, group => group.First().Key);

    /// <summary>The CLR type for an Elsa type name; <c>object</c> when unknown or empty.</summary>
    public static Type Resolve(string? typeName, bool isArray = false)
    {
        var type = ResolveElement(typeName);
        return isArray && !type.IsArray ? type.MakeArrayType() : type;
    }

    private static Type ResolveElement(string? typeName)
    {
        if (string.IsNullOrWhiteSpace(typeName)) return typeof(object);
        var name = typeName.Trim();
        if (name.EndsWith("[]", StringComparison.Ordinal))
            return ResolveElement(name[..^2]).MakeArrayType();

        // Assembly-qualified or namespaced names: "System.Int32, System.Private.CoreLib" → "Int32".
        var comma = name.IndexOf(',');
        if (comma >= 0) name = name[..comma].Trim();
        if (ByAlias.TryGetValue(name, out var type)) return type;
        var dot = name.LastIndexOf('.');
        if (dot >= 0 && ByAlias.TryGetValue(name[(dot + 1)..], out type)) return type;
        return typeof(object);
    }

    /// <summary>The Elsa name for a CLR type (descriptors, variable definitions).</summary>
    public static string NameOf(Type type)
    {
        if (type.IsArray) return NameOf(type.GetElementType()!) + "[]";
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (ByType.TryGetValue(underlying, out var name)) return name;
        if (underlying.IsEnum) return "String";
        if (underlying.IsGenericType)
        {
            var definition = underlying.GetGenericTypeDefinition();
            var args = underlying.GetGenericArguments();
            if (args.Length == 1 && (definition == typeof(IEnumerable<>) || definition == typeof(ICollection<>)
                || definition == typeof(IReadOnlyList<>) || definition == typeof(List<>) || definition == typeof(IList<>)))
                return NameOf(args[0]) + "[]";
        }
        return "Object";
    }
}
