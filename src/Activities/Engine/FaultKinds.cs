namespace Itsm.Activities.Engine;

/// <summary>
/// What a fault's <c>ExceptionType</c> says, in the workflow's terms rather than a CLR type name (the API shows it
/// as the Elsa incident's exception type).
/// </summary>
public static class FaultKinds
{
    /// <summary>A script threw, failed to parse or ran past a limit.</summary>
    public const string Script = "JavaScriptError";

    /// <summary>A value was refused: nested too deep, too large, an undeclared variable, a correlation id too long.</summary>
    public const string Limit = "LimitExceeded";

    /// <summary>An input's value does not convert to the input's type.</summary>
    public const string InvalidValue = "InvalidValue";

    /// <summary>A defect: the details are in the server log under the fault id.</summary>
    public const string Internal = "InternalError";
}
