using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Api.Common;

/// <summary>The instance a task completion, event or resume token continued, and where it stands after that burst.</summary>
public sealed record ResumedInstanceResponse(string? InstanceId, InstanceStatus? Status);
