namespace Itsm.Activities.Expressions.FastPath;

/// <summary>One evaluation of a <see cref="FastScript"/>: the instance it reads and the script's local variables.</summary>
internal sealed class FastFrame(IScriptScope scope, string[] variableNames, int maxDepth, int localCount)
{
    public IScriptScope Scope { get; } = scope;
    public int MaxDepth { get; } = maxDepth;
    public object?[] Locals { get; } = localCount == 0 ? [] : new object?[localCount];

    /// <summary>Whether <c>variables</c> has an accessor of this name (the workflow declares the variable).</summary>
    public bool IsDeclared(string name) => Array.IndexOf(variableNames, name) >= 0;
}
