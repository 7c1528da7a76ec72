namespace Itsm.Activities.Engine;

/// <summary>A workflow variable: its CLR type (from the Elsa type name) and its converted default.</summary>
public sealed record CompiledVariable(string? Id, string Name, string TypeName, Type Type, object? DefaultValue);
