using System.Collections;
using System.Dynamic;
using System.Globalization;
using System.Text.Json;
using System.Xml;
using Itsm.Activities.Definitions;

namespace Itsm.Activities.Expressions;

/// <summary>
/// Converts values between the shapes they arrive in (literal strings, JavaScript numbers, JSON) and the
/// type an input or variable declares, so an Int32 variable set from a script stays an integer.
/// Throws <see cref="FormatException"/> with a readable message when a value cannot be converted.
/// </summary>
public static class ValueConverter
{
    public static T? To<T>(object? value) => value is T typed ? typed : (T?)Convert(value, typeof(T));

    public static object? Convert(object? value, Type target) => Convert(value, target, 1);

    /// <param name="depth">How deep in a value being converted this one sits: sequences convert their items recursively.</param>
    private static object? Convert(object? value, Type target, int depth)
    {
        if (value is JsonElement element) value = PlainJson.ToPlain(element);
        if (value is null) return target.IsValueType && Nullable.GetUnderlyingType(target) is null ? Activator.CreateInstance(target) : null;
        if (target == typeof(object) || target.IsInstanceOfType(value)) return value;

        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        try
        {
            return value is string text ? FromString(text, underlying, depth) : FromValue(value, underlying, depth);
        }
        catch (Exception ex) when (ex is InvalidCastException or OverflowException or ArgumentException or JsonException)
        {
            throw new FormatException($"Cannot convert {Describe(value)} to {TypeAliases.NameOf(target)}.", ex);
        }
    }

    private static object? FromString(string text, Type target, int depth)
    {
        if (target == typeof(string)) return text;
        if (text.Length == 0 && target != typeof(string))
            return target.IsValueType ? Activator.CreateInstance(target) : null;
        if (target.IsEnum) return Enum.Parse(target, text.Trim(), ignoreCase: true);
        if (target == typeof(bool)) return bool.Parse(text.Trim());
        if (target == typeof(TimeSpan)) return ParseTimeSpan(text.Trim());
        if (target == typeof(DateTimeOffset)) return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        if (target == typeof(DateTime)) return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        if (target == typeof(Guid)) return Guid.Parse(text);
        if (target == typeof(char)) return text.Length == 1 ? text[0] : throw new FormatException($"'{text}' is not a single character.");
        if (IsNumber(target)) return System.Convert.ChangeType(text.Trim(), target, CultureInfo.InvariantCulture);
        // Collections, dictionaries and records arrive as JSON text (Elsa's Object expressions, literal arrays).
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('[') || trimmed.StartsWith('{'))
            return FromValue(PlainJson.Parse(text)!, target, depth);
        if (IsSequence(target, out _))
            return FromValue(new List<object?> { text }, target, depth);
        return JsonSerializer.Deserialize(JsonSerializer.Serialize(text), target, ElsaJson.Options);
    }

    private static object? FromValue(object value, Type target, int depth)
    {
        if (target == typeof(string)) return value switch
        {
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            bool flag => flag ? "true" : "false",
            ExpandoObject or IEnumerable => SerializePlain(value),
            _ => value.ToString(),
        };
        if (target.IsEnum) return value is string name ? Enum.Parse(target, name, true) : Enum.ToObject(target, System.Convert.ToInt64(value, CultureInfo.InvariantCulture));
        if (IsNumber(target) || target == typeof(bool))
        {
            if (value is double d && IsWholeNumber(target) && Math.Abs(d % 1) > double.Epsilon * 100)
                throw new InvalidCastException($"{d} is not a whole number.");
            return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }
        if (target == typeof(TimeSpan) && value is IConvertible) return TimeSpan.FromMilliseconds(System.Convert.ToDouble(value, CultureInfo.InvariantCulture));
        if (target == typeof(ExpandoObject) && value is IDictionary<string, object?> map) return ToExpando(map);
        if (IsSequence(target, out var elementType) && value is IEnumerable items and not string and not IDictionary<string, object?>)
            return ToSequence(items, target, elementType, depth);

        // Records and other shapes: round-trip through JSON with Elsa's options.
        var json = SerializePlain(value);
        return JsonSerializer.Deserialize(json, target, ElsaJson.Options);
    }

    private static string SerializePlain(object value)
    {
        ValueDepth.Check(value);
        return JsonSerializer.Serialize(value, ElsaJson.Options);
    }

    private static object ToSequence(IEnumerable items, Type target, Type elementType, int depth)
    {
        ValueDepth.Enter(depth);
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
        foreach (var item in items) list.Add(Convert(item, elementType, depth + 1));
        if (target.IsArray)
        {
            var array = Array.CreateInstance(elementType, list.Count);
            list.CopyTo(array, 0);
            return array;
        }
        return list;
    }

    private static ExpandoObject ToExpando(IDictionary<string, object?> map)
    {
        var result = new ExpandoObject();
        IDictionary<string, object?> target = result;
        foreach (var (key, item) in map) target[key] = item;
        return result;
    }

    private static bool IsSequence(Type target, out Type elementType)
    {
        if (target.IsArray) { elementType = target.GetElementType()!; return true; }
        if (target.IsGenericType && target.GetGenericArguments() is [var argument])
        {
            var definition = target.GetGenericTypeDefinition();
            if (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>)
                || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>))
            {
                elementType = argument;
                return true;
            }
        }
        elementType = typeof(object);
        return false;
    }

    private static TimeSpan ParseTimeSpan(string text)
    {
        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal)) return XmlConvert.ToTimeSpan(text);
        return TimeSpan.Parse(text, CultureInfo.InvariantCulture);
    }

    private static bool IsNumber(Type type) => Type.GetTypeCode(type) is >= TypeCode.SByte and <= TypeCode.Decimal;

    private static bool IsWholeNumber(Type type) => Type.GetTypeCode(type) is >= TypeCode.SByte and <= TypeCode.UInt64;

    private static string Describe(object value)
    {
        var text = value is string s ? $"'{s}'" : value.ToString() ?? value.GetType().Name;
        return text.Length > 60 ? text[..60] + "…" : text;
    }
}
