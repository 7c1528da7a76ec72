using System.Dynamic;

namespace Itsm.Activities.Expressions.FastPath;

/// <summary>
/// Workflow data as the fast evaluator sees it, matching what <see cref="ScriptValues"/> hands Jint: a container
/// (dictionary, list, array) read from a variable reaches Jint through JSON, so its numbers are doubles and a
/// non-finite double or any other CLR type inside it is not modelled; a top-level value becomes a JS primitive.
/// Whatever this class cannot map exactly answers <see cref="FastValue.Bail"/>.
/// </summary>
internal static class FastData
{
    // Members every plain object inherits from Object.prototype: reading one is a function, not undefined.
    private static readonly HashSet<string> ObjectPrototypeNames = new(StringComparer.Ordinal)
    {
        "constructor", "__proto__", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString",
        "valueOf", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    };

    public static bool IsContainer(object? value)
        => value is IDictionary<string, object?> or IReadOnlyDictionary<string, object?> or List<object?> or object?[];

    /// <summary>A value read from the workflow (variable, input, last result) as it would arrive in the script.</summary>
    public static object? FromWorkflow(object? value, int maxDepth)
    {
        switch (value)
        {
            case null or string or bool or double:
                return value;
            case int i:
                return (double)i;
            case long l:
                return (double)l;
            case IDictionary<string, object?> or List<object?> or object?[]:
                // The same depth check ScriptValues.FromClr makes; a deep value is Jint's to refuse, with its message.
                try
                {
                    ValueDepth.Check(value, maxDepth);
                }
                catch (WorkflowValueException)
                {
                    return FastValue.Bail;
                }
                return value;
            case IReadOnlyDictionary<string, object?> map:
                // The workflow input: Jint sees it copied into an object one level up, so each entry gets one level less.
                try
                {
                    foreach (var item in map.Values) ValueDepth.Check(item, maxDepth - 1);
                }
                catch (WorkflowValueException)
                {
                    return FastValue.Bail;
                }
                return value;
            default:
                return FastValue.Bail;
        }
    }

    /// <summary>A value inside a container, as JSON would carry it.</summary>
    public static object? FromNested(object? value) => value switch
    {
        null or bool => value,
        // The JSON writer replaces a lone surrogate (U+FFFD), so such a string is not the one Jint would see.
        string s => HasSurrogate(s) ? FastValue.Bail : s,
        double d => double.IsFinite(d) ? value : FastValue.Bail,
        int i => (double)i,
        long l => (double)l,
        _ when IsContainer(value) || ReferenceEquals(value, FastValue.Undefined) => value,
        _ => FastValue.Bail,
    };

    /// <summary><c>target.key</c> / <c>target[key]</c> for a key that is a string.</summary>
    public static object? Member(object? target, string key)
    {
        switch (target)
        {
            case IDictionary<string, object?> map:
                if (map.TryGetValue(key, out var value)) return key == "__proto__" ? FastValue.Bail : FromNested(value);
                return Missing(key);
            case IReadOnlyDictionary<string, object?> map:
                if (map.TryGetValue(key, out var entry)) return key == "__proto__" ? FastValue.Bail : FromNested(entry);
                return Missing(key);
            case List<object?> or object?[]:
                return Indexed(key, (IReadOnlyList<object?>)target);
            case string text:
                return key == "length" ? (double)text.Length
                    : ArrayIndex(key) is { } index ? index < text.Length ? text[index].ToString() : FastValue.Undefined
                    : FastValue.Bail;
            default:
                // undefined/null throw a TypeError; numbers and booleans have prototype members: Jint's to answer.
                return FastValue.Bail;
        }
    }

    /// <summary>A computed key as a property key: strings as they are, numbers by ToString.</summary>
    public static string? PropertyKey(object? key) => key switch
    {
        string s => s,
        double d => JsSemantics.NumberToString(d),
        _ => null,
    };

    private static bool HasSurrogate(string text) => text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    /// <summary>A name an object does not own: undefined, unless every plain object inherits a member of that name.</summary>
    public static FastValue Missing(string key) => ObjectPrototypeNames.Contains(key) ? FastValue.Bail : FastValue.Undefined;

    private static object? Indexed(string key, IReadOnlyList<object?> items)
    {
        if (key == "length") return (double)items.Count;
        if (ArrayIndex(key) is not { } index) return FastValue.Bail;
        return index < items.Count ? FromNested(items[index]) : FastValue.Undefined;
    }

    /// <summary>A key of digits only: JavaScript lists such keys first, in numeric order, whatever the insertion order.</summary>
    public static bool IsIntegerLike(string key) => key.Length > 0 && key.All(char.IsAsciiDigit);

    /// <summary>The canonical array index a key names ("0", "17"; not "01" or "-1"), or null.</summary>
    public static int? ArrayIndex(string key)
    {
        if (key.Length is 0 or > 9 || (key.Length > 1 && key[0] == '0')) return null;
        var result = 0;
        foreach (var c in key)
        {
            if (c is < '0' or > '9') return null;
            result = result * 10 + (c - '0');
        }
        return result;
    }

    /// <summary>
    /// The script's result as <see cref="ScriptValues.ToClr(Jint.Native.JsValue)"/> would return it: undefined and null
    /// as null, containers copied into fresh ExpandoObjects and object arrays, with the same depth bound.
    /// </summary>
    public static object? ToResult(object? value, int depth, int maxDepth)
    {
        switch (value)
        {
            case null or string or bool or double:
                return value;
            case FastValue:
                return ReferenceEquals(value, FastValue.Undefined) ? null : FastValue.Bail;
            case IDictionary<string, object?> map:
                return depth > maxDepth ? FastValue.Bail : CopyObject(map, depth, maxDepth);
            case IReadOnlyDictionary<string, object?> map:
                return depth > maxDepth ? FastValue.Bail : CopyObject(map, depth, maxDepth);
            case List<object?> list:
                return depth > maxDepth ? FastValue.Bail : CopyArray(list, depth, maxDepth);
            case object?[] array:
                return depth > maxDepth ? FastValue.Bail : CopyArray(array, depth, maxDepth);
            default:
                return FastValue.Bail;
        }
    }

    private static object CopyObject(IEnumerable<KeyValuePair<string, object?>> entries, int depth, int maxDepth)
    {
        var result = new ExpandoObject();
        IDictionary<string, object?> target = result;
        foreach (var (key, item) in entries)
        {
            // JavaScript orders integer keys first; __proto__ is special: both are left to Jint.
            if (IsIntegerLike(key) || key == "__proto__" || HasSurrogate(key)) return FastValue.Bail;
            var converted = ToResult(FromNested(item), depth + 1, maxDepth);
            if (ReferenceEquals(converted, FastValue.Bail)) return FastValue.Bail;
            target[key] = converted;
        }
        return result;
    }

    private static object CopyArray(IReadOnlyList<object?> items, int depth, int maxDepth)
    {
        var result = new object?[items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var converted = ToResult(FromNested(items[i]), depth + 1, maxDepth);
            if (ReferenceEquals(converted, FastValue.Bail)) return FastValue.Bail;
            result[i] = converted;
        }
        return result;
    }
}
