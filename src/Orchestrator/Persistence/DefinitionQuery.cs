namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// Elsa's definition list filters: <see cref="Versions"/> is Latest, Published, LatestOrPublished, Draft,
/// AllVersions or a specific version number.
/// </summary>
public sealed record DefinitionQuery
{
    public VersionSelector Versions { get; init; } = VersionSelector.Latest;
    public int? SpecificVersion { get; init; }
    public IReadOnlyList<string>? DefinitionIds { get; init; }
    public string? SearchTerm { get; init; }
    public DefinitionOrder OrderBy { get; init; } = DefinitionOrder.Name;
    public bool Descending { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 50;
}

public enum VersionSelector
{
    Latest,
    Published,
    LatestOrPublished,
    Draft,
    AllVersions,
    Specific,
}

public enum DefinitionOrder
{
    Name,
    CreatedAt,
    Version,
}

public sealed record DefinitionPage(IReadOnlyList<DefinitionRecord> Items, long TotalCount);
