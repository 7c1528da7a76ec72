namespace Itsm.Orchestrator.Persistence;

/// <summary>Filters for the task inbox. <see cref="After"/> is the id of the last task of the previous page.</summary>
public sealed record TaskQuery
{
    public string? Role { get; init; }
    public IReadOnlyList<string>? Roles { get; init; }
    public string? InstanceId { get; init; }
    public int PageSize { get; init; } = 50;
    public string? After { get; init; }
}
