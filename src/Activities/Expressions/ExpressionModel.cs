using System.Text.Json;

namespace Itsm.Activities.Expressions;

/// <summary>
/// Elsa's expression: <c>{"type": "Literal"|"JavaScript"|"Object"|"Variable", "value": …}</c>.
/// <see cref="Value"/> is kept as JSON because a Variable expression may hold an object.
/// </summary>
public sealed record ExpressionModel(string Type, JsonElement? Value)
{
    public string? Text => Value is { ValueKind: JsonValueKind.String } v ? v.GetString()
        : Value is { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } || Value is null ? null
        : Value.Value.GetRawText();
}
