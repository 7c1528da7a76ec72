using System.Dynamic;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace Itsm.Activities.Expressions;

/// <summary>
/// Converts values between a script and the workflow, with the nesting bound of <see cref="ValueDepth"/> counted
/// on every level. Jint's own <c>JsValue.ToObject()</c> recurses without a bound, so a script returning an object
/// nested 20,000 deep overflowed the stack and ended the process; here it is a fault naming the limit.
/// </summary>
internal sealed class ScriptValues(Jint.Engine engine, int maxDepth)
{
    private JsonParser? _json;

    /// <summary>A script value as plain CLR data: string, double, bool, ExpandoObject, object?[], DateTime…</summary>
    public object? ToClr(JsValue value) => ToClr(value, 1);

    /// <summary>Plain data as a native JS value, so scripts use it like any JS object.</summary>
    public JsValue FromClr(object? value)
    {
        switch (value)
        {
            case null:
                return JsValue.Null;
            case ExpandoObject or IDictionary<string, object?> or System.Collections.IList when value is not string:
                ValueDepth.Check(value, maxDepth);
                // Built by the JSON parser directly: evaluating the text as a script would compile it on every read.
                return (_json ??= new JsonParser(engine)).Parse(System.Text.Json.JsonSerializer.Serialize(value));
            default:
                return JsValue.FromObject(engine, value);
        }
    }

    private object? ToClr(JsValue value, int depth)
    {
        if (value.IsUndefined() || value.IsNull()) return null;
        if (value is not ObjectInstance instance) return value.ToObject();
        if (instance is IObjectWrapper wrapper) return wrapper.Target;
        if (value.IsArray())
        {
            ValueDepth.Enter(depth, maxDepth);
            var array = value.AsArray();
            var items = new object?[array.Length];
            for (uint i = 0; i < items.Length; i++) items[i] = ToClr(array[i], depth + 1);
            return items;
        }
        if (value.IsCallable()) throw new WorkflowValueException("a function is not a value a workflow can keep");
        // Dates, regexps, boxed primitives and binary data convert without nesting. Everything else (plain
        // objects, errors, class instances, maps) is kept as its own enumerable properties, never as a live
        // script object and never through Jint's unbounded ToObject walk.
        if (value.IsDate() || value.IsRegExp() || IsLeaf(instance)) return instance.ToObject();

        ValueDepth.Enter(depth, maxDepth);
        var result = new ExpandoObject();
        IDictionary<string, object?> map = result;
        foreach (var (key, descriptor) in instance.GetOwnProperties())
        {
            if (!descriptor.Enumerable || key.IsSymbol()) continue;
            map[key.ToString()] = ToClr(instance.Get(key), depth + 1);
        }
        return result;
    }

    private static bool IsLeaf(ObjectInstance instance)
        => instance is JsArrayBuffer || instance.GetType().Name is "StringInstance" or "NumberInstance" or "BooleanInstance" or "BigIntInstance"
            || instance.GetType().Name.EndsWith("TypedArray", StringComparison.Ordinal) || instance.GetType().Name.Contains("DataView", StringComparison.Ordinal);
}
