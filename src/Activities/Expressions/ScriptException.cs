namespace Itsm.Activities.Expressions;

/// <summary>A script failed to parse, threw, or ran past its time or statement limit.</summary>
public sealed class ScriptException(string message, Exception? inner = null) : Exception(message, inner);
