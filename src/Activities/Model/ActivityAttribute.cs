namespace Itsm.Activities.Model;

/// <summary>
/// Declares an activity type. The full type name is <c>{Namespace}.{Name}</c> (e.g. <c>Elsa.SetVariable</c>),
/// which is what definitions reference, so built-ins keep Elsa 3's names and Elsa exports run unchanged.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string @namespace, string name) : Attribute
{
    public string Namespace { get; } = @namespace;
    public string Name { get; } = name;
    public string TypeName => $"{Namespace}.{Name}";
    public string Category { get; init; } = "Miscellaneous";
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    public ActivityKind Kind { get; init; } = ActivityKind.Action;
}
