using System.Text.Json;
using Itsm.Activities.Expressions;

namespace Itsm.Activities.Model;

/// <summary>
/// How Elsa points at a variable: an object <c>{"id": …, "name": …}</c> (SetVariable's <c>variable</c>,
/// Variable expressions) or a bare id/name string.
/// </summary>
public sealed record VariableReference
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? TypeName { get; init; }

    public string Key => Id ?? Name ?? "";

    internal static string FromExpression(ExpressionModel expression) => expression.Value switch
    {
        { ValueKind: JsonValueKind.Object } value =>
            (value.TryGetProperty("id", out var id) ? id.GetString() : null)
            ?? (value.TryGetProperty("name", out var name) ? name.GetString() : null) ?? "",
        { ValueKind: JsonValueKind.String } value => value.GetString() ?? "",
        _ => "",
    };
}
