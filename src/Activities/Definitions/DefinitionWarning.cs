namespace Itsm.Activities.Definitions;

/// <summary>
/// Something worth a second look in a definition that does not stop it from being published (e.g. a practice that
/// contributes nothing to the chain activities its node serves). <see cref="Path"/> points at the field.
/// </summary>
public sealed record DefinitionWarning(string Path, string Message);
