namespace Itsm.Activities.Expressions;

/// <summary>
/// A value a workflow produced is refused: nested too deeply, too large, aimed at an undeclared variable, a
/// correlation id too long. The message is in the workflow's terms, so it is what the fault on the instance says.
/// </summary>
public sealed class WorkflowValueException(string message) : Exception(message);
