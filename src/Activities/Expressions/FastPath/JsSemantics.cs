using System.Globalization;
using Jint.Native;
using Jint.Runtime;

namespace Itsm.Activities.Expressions.FastPath;

/// <summary>
/// ECMAScript's conversions and comparisons on the fast evaluator's primitives (undefined, null, bool, string,
/// double). Number-to-string and string-to-number use Jint's own converters, so they agree with Jint to the digit.
/// Anything that would need an object's <c>valueOf</c>/<c>toString</c> answers <see cref="FastValue.Bail"/>.
/// </summary>
internal static class JsSemantics
{
    public static bool IsPrimitive(object? value) => value is null or string or double or bool || ReferenceEquals(value, FastValue.Undefined);

    public static bool IsNullish(object? value) => value is null || ReferenceEquals(value, FastValue.Undefined);

    /// <summary>ToBoolean: false for undefined, null, false, +0, -0, NaN and ""; true for everything else (objects too).</summary>
    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        double d => !(d == 0 || double.IsNaN(d)),
        string s => s.Length > 0,
        _ => !ReferenceEquals(value, FastValue.Undefined),
    };

    /// <summary>ToString of a primitive; null when the value is an object (its conversion runs script code).</summary>
    public static string? ToJsString(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => NumberToString(d),
        _ when ReferenceEquals(value, FastValue.Undefined) => "undefined",
        _ => null,
    };

    public static string NumberToString(double d)
    {
        // The common case, integers well inside the exact range, without Jint's converter.
        if (d >= -1e15 && d <= 1e15 && d == Math.Floor(d)) return d == 0 ? "0" : ((long)d).ToString(CultureInfo.InvariantCulture);
        return TypeConverter.ToString(JsNumber.Create(d));
    }

    /// <summary>ToNumber of a primitive; null for objects.</summary>
    public static double? ToNumber(object? value) => value switch
    {
        null => 0,
        double d => d,
        bool b => b ? 1 : 0,
        string s => TypeConverter.ToNumber(s),
        _ when ReferenceEquals(value, FastValue.Undefined) => double.NaN,
        _ => null,
    };

    /// <summary>IsStrictlyEqual on primitives; null when an operand is an object (identity of script objects is not modelled).</summary>
    public static bool? StrictEquals(object? left, object? right)
    {
        if (!IsPrimitive(left) || !IsPrimitive(right)) return null;
        return (left, right) switch
        {
            (double a, double b) => a == b,
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (bool a, bool b) => a == b,
            _ => ReferenceEquals(left, right) || (left is null && right is null),
        };
    }

    /// <summary>IsLooselyEqual on primitives; null when an operand is an object.</summary>
    public static bool? LooseEquals(object? left, object? right)
    {
        if (!IsPrimitive(left) || !IsPrimitive(right)) return null;
        if (IsNullish(left) || IsNullish(right)) return IsNullish(left) && IsNullish(right);
        if (left!.GetType() == right!.GetType()) return StrictEquals(left, right);
        // Mixed string/number/boolean: both sides become numbers.
        return ToNumber(left) == ToNumber(right);
    }

    /// <summary>The <c>+</c> operator on primitives: concatenation when either side is a string, else numeric addition.</summary>
    public static object Add(object? left, object? right)
    {
        if (!IsPrimitive(left) || !IsPrimitive(right)) return FastValue.Bail;
        if (left is string || right is string) return string.Concat(ToJsString(left), ToJsString(right));
        return ToNumber(left)!.Value + ToNumber(right)!.Value;
    }

    public static string? TypeOf(object? value) => value switch
    {
        null => "object",
        string => "string",
        double => "number",
        bool => "boolean",
        _ when ReferenceEquals(value, FastValue.Undefined) => "undefined",
        _ => FastData.IsContainer(value) ? "object" : null,
    };
}
