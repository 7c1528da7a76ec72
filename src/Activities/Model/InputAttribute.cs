namespace Itsm.Activities.Model;

/// <summary>Marks a property of an activity's input record as a designer-visible input.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class InputAttribute : Attribute
{
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    public string? UIHint { get; init; }
    public string? Category { get; init; }
    /// <summary>Choices for dropdown/check-list hints.</summary>
    public string[]? Options { get; init; }
    /// <summary>
    /// Takes the choices from a vocabulary kept elsewhere (<see cref="Itil.InputChoices"/>: the ITIL catalogue's roles,
    /// the record types) instead of <see cref="Options"/>, so the pick list follows the data rather than a copy of it.
    /// </summary>
    public string? OptionsFrom { get; init; }
    /// <summary>The expression syntax Studio offers first (e.g. <c>JavaScript</c> for a condition); Literal when not set.</summary>
    public string? DefaultSyntax { get; init; }
    /// <summary>Shown pre-filled in the designer; the record's own initializer is the runtime default.</summary>
    public object? DefaultValue { get; init; }
    /// <summary>The JSON property name when it is not the camel-cased property name.</summary>
    public string? Name { get; init; }
    /// <summary>The Elsa type name when it is not derived from the CLR type (e.g. Elsa's FlowJoinMode enum name).</summary>
    public string? TypeName { get; init; }
    /// <summary>Holds raw JSON in the definition rather than an expression wrapper (Elsa does this for e.g. SetVariable's variable).</summary>
    public bool IsRaw { get; init; }
}
