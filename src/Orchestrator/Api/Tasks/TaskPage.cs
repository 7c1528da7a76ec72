using System.Text.Json.Serialization;

namespace Itsm.Orchestrator.Api.Tasks;

/// <summary>One page of the inbox; <see cref="Next"/> is the cursor for the next page (<c>after=</c>), null on the last.</summary>
public sealed record TaskPage(IReadOnlyList<TaskModel> Items, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Next);
