namespace Itsm.Activities.Model;

/// <summary>
/// Declares an output an activity produces. A definition may bind it to a workflow variable
/// (<c>"result": {"memoryReference": {"id": "&lt;variable id&gt;"}}</c>); the completed result's output value
/// (or, for a dictionary output, its entry of that name) is written there.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class OutputAttribute(string name, Type type) : Attribute
{
    public string Name { get; } = name;
    public Type Type { get; } = type;
    public string? Description { get; init; }
}
