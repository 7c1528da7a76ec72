namespace Itsm.Activities.Definitions;

/// <summary>A definition could not be loaded or compiled; <see cref="Errors"/> says where and why.</summary>
public sealed class WorkflowDefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")))
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
