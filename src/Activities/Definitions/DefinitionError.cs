namespace Itsm.Activities.Definitions;

/// <summary>One problem with a definition: <see cref="Path"/> points at the field (e.g. <c>root.activities[3].type</c>).</summary>
public sealed record DefinitionError(string Path, string Message);
