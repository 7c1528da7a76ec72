using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Itsm.Activities.Engine;
using Itsm.Activities.Expressions;

namespace Itsm.Orchestrator.Api.Webhooks;

/// <summary>
/// A definition's declared <c>inputs</c> (Elsa 3: <c>{name, type, isArray, ...}</c>) as a check for webhook bodies.
/// Elsa's input definition has no "required" flag, so Itsm reads an extra <c>"isRequired": true</c> on an input
/// (Elsa ignores fields it does not know). A body starting a definition that declares inputs must be a JSON object;
/// each declared input present must have its type (numbers in range, strings for dates/guids/time spans, arrays
/// when <c>isArray</c>), each required one must be present and not null. Undeclared properties pass: senders
/// (monitoring, CI) add fields of their own. Built once per compiled version.
/// </summary>
public sealed class WebhookInputSchema
{
    private static readonly ConditionalWeakTable<CompiledWorkflow, WebhookInputSchema> Cache = [];

    private readonly IReadOnlyList<DeclaredInput> _inputs;

    private WebhookInputSchema(IReadOnlyList<DeclaredInput> inputs) => _inputs = inputs;

    public bool IsEmpty => _inputs.Count == 0;

    public static WebhookInputSchema For(CompiledWorkflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return Cache.GetValue(workflow, static w => new WebhookInputSchema(Read(w.Model.Inputs)));
    }

    /// <summary>The first problem with the body as (field, message), or null when it fits.</summary>
    public (string Field, string Message)? Check(JsonElement? body)
    {
        if (_inputs.Count == 0) return null;
        JsonElement? root = body is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } present ? present : null;
        if (root is { } value && value.ValueKind != JsonValueKind.Object)
            return ("$", "The body must be a JSON object carrying the workflow's inputs.");
        foreach (var input in _inputs)
        {
            JsonElement? found = null;
            if (root is { } obj)
                foreach (var property in obj.EnumerateObject())
                    if (string.Equals(property.Name, input.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        found = property.Value;
                        break;
                    }
            if (found is not { } field || field.ValueKind == JsonValueKind.Null)
            {
                if (input.IsRequired) return (input.Name, $"'{input.Name}' is required.");
                continue;
            }
            if (!Fits(field, input.Type))
                return (input.Name, $"'{input.Name}' must be {Describe(input.Type)}.");
        }
        return null;
    }

    private static List<DeclaredInput> Read(JsonArray? inputs)
    {
        var result = new List<DeclaredInput>();
        foreach (var node in inputs ?? [])
        {
            if (node is not JsonObject input || Text(input, "name") is not { Length: > 0 } name) continue;
            var typeName = Text(input, "type") ?? Text(input, "typeName");
            var isArray = Flag(input, "isArray");
            result.Add(new DeclaredInput(name, TypeAliases.Resolve(typeName, isArray), Flag(input, "isRequired")));
        }
        return result;
    }

    private static string? Text(JsonObject input, string name)
        => input[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool Flag(JsonObject input, string name)
        => input[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static bool Fits(JsonElement value, Type type)
    {
        if (type.IsArray)
        {
            if (value.ValueKind != JsonValueKind.Array) return false;
            var element = type.GetElementType()!;
            foreach (var item in value.EnumerateArray())
                if (item.ValueKind != JsonValueKind.Null && !Fits(item, element)) return false;
            return true;
        }
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return Type.GetTypeCode(type) switch
        {
            TypeCode.String => text is not null,
            TypeCode.Char => text is { Length: 1 },
            TypeCode.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            TypeCode.Byte => value.ValueKind == JsonValueKind.Number && value.TryGetByte(out _),
            TypeCode.Int16 => value.ValueKind == JsonValueKind.Number && value.TryGetInt16(out _),
            TypeCode.Int32 => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
            TypeCode.Int64 => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            TypeCode.Single => value.ValueKind == JsonValueKind.Number && value.TryGetSingle(out var f) && float.IsFinite(f),
            TypeCode.Double => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d),
            TypeCode.Decimal => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out _),
            TypeCode.DateTime => text is not null && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
            _ when type == typeof(DateTimeOffset) => text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ when type == typeof(DateOnly) => text is not null && DateOnly.TryParse(text, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(TimeOnly) => text is not null && TimeOnly.TryParse(text, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(TimeSpan) => text is not null && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(Guid) => text is not null && Guid.TryParse(text, out _),
            _ when type == typeof(System.Dynamic.ExpandoObject) => value.ValueKind == JsonValueKind.Object,
            // Object and types Itsm does not know (assembly-qualified names in Elsa exports): any JSON.
            _ => true,
        };
    }

    private static string Describe(Type type) => type.IsArray
        ? $"an array of {Describe(type.GetElementType()!)}"
        : Type.GetTypeCode(type) switch
        {
            TypeCode.String => "a string",
            TypeCode.Boolean => "true or false",
            TypeCode.Byte or TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 => $"a whole number that fits {type.Name}",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => $"a finite number that fits {type.Name}",
            _ when type == typeof(System.Dynamic.ExpandoObject) => "a JSON object",
            _ => $"a {type.Name} string",
        };

    private sealed record DeclaredInput(string Name, Type Type, bool IsRequired);
}
