using System.Text.Json;

namespace Itsm.Orchestrator.Api.Tasks;

/// <summary>Elsa's task completion body: <see cref="Result"/> becomes the <c>Elsa.RunTask</c>'s <c>result</c> output.</summary>
public sealed record CompleteTaskRequest(JsonElement? Result);
