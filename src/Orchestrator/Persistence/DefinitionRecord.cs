namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// One version of a workflow definition. <see cref="Id"/> is the version id (Elsa's <c>id</c>),
/// <see cref="DefinitionId"/> is shared by all versions. <see cref="ModelJson"/> is the full Elsa 3
/// definition model as JSON, kept verbatim so what a designer saved is what it reads back.
/// At most one version per definition is latest and at most one is published.
/// </summary>
public sealed record DefinitionRecord(
    string Id,
    string DefinitionId,
    int Version,
    string Name,
    string? Description,
    bool IsLatest,
    bool IsPublished,
    DateTimeOffset CreatedAt,
    string ModelJson);
