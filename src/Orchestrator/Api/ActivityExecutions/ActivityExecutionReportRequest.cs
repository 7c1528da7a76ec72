namespace Itsm.Orchestrator.Api.ActivityExecutions;

/// <summary>The body of <c>POST activity-executions/report</c>.</summary>
public sealed record ActivityExecutionReportRequest(string? WorkflowInstanceId, string[]? ActivityNodeIds);

/// <summary>The answer of <c>activity-executions/report</c>.</summary>
public sealed record ActivityExecutionReportResponse(IReadOnlyList<ActivityExecutionStatsModel> Stats);
