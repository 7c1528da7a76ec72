namespace Itsm.Activities.Engine;

/// <summary>
/// A workflow variable: its CLR type (from the Elsa type name), its converted default and the default's text
/// (a mutable default — an object or array — is converted again for each new instance, never shared).
/// </summary>
public sealed record CompiledVariable(string? Id, string Name, string TypeName, Type Type, object? DefaultValue, string? DefaultText);
