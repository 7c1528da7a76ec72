namespace Itsm.Activities.Expressions;

/// <summary>What scripts can see of the running instance: Elsa's accessors are built on these.</summary>
public interface IScriptScope
{
    IEnumerable<string> VariableNames { get; }
    /// <summary>Reads a variable by its name or its id.</summary>
    object? GetVariable(string nameOrId);

    /// <summary>Writes a declared variable, found by its name or its id.</summary>
    void SetVariable(string nameOrId, object? value);
    IReadOnlyDictionary<string, object?> WorkflowInput { get; }
    string InstanceId { get; }
    string? CorrelationId { get; set; }
    object? LastResult { get; }
    void SetOutput(string name, object? value);

    /// <summary>The id (resume token) of the bookmark <paramref name="activityId"/> is waiting on, if it waits.</summary>
    string? GetBookmarkId(string activityId);
}
