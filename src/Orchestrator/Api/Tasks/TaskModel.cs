using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Api.Tasks;

/// <summary>An open human task in a role's inbox; complete it with <c>POST /elsa/api/tasks/{id}/complete</c>.</summary>
public sealed record TaskModel(
    string Id,
    string InstanceId,
    string ActivityId,
    string? Role,
    string? Title,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt,
    int? Priority)
{
    public static TaskModel From(BookmarkRecord bookmark)
    {
        ArgumentNullException.ThrowIfNull(bookmark);
        var task = bookmark.Task;
        return new(bookmark.Id, bookmark.InstanceId, bookmark.ActivityId, task?.Role, task?.Title, bookmark.CreatedAt, task?.DueAt, task?.Priority);
    }
}
