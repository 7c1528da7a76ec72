namespace Itsm.Activities.Expressions.FastPath;

/// <summary>The global functions the fast evaluator calls without an engine.</summary>
internal enum FastFunction { GetVariable, GetInput, String, GetWorkflowInstanceId, GetCorrelationId, GetLastResult }
