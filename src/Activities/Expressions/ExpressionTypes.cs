using System.Diagnostics.CodeAnalysis;

namespace Itsm.Activities.Expressions;

/// <summary>The expression languages Itsm evaluates (the designer lists exactly these).</summary>
public static class ExpressionTypes
{
    public const string Literal = "Literal";
    public const string JavaScript = "JavaScript";
    [SuppressMessage("Naming", "CA1720", Justification = "Elsa 3's expression type is named Object; the constant spells the wire value.")]
    public const string Object = "Object";
    public const string Variable = "Variable";

    public static readonly IReadOnlyList<string> All = [Literal, JavaScript, Object, Variable];

    public static bool IsSupported(string type) => All.Contains(type, StringComparer.OrdinalIgnoreCase);
}
