using Itsm.Activities.Definitions;
using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Definitions;

/// <summary>
/// The outcome of saving or publishing: the stored version (null when validation failed), whether it was
/// already published, and the problems found (each with the path of the field at fault).
/// </summary>
public sealed record SaveDefinitionResult(DefinitionRecord? Definition, bool AlreadyPublished, IReadOnlyList<DefinitionError> Errors)
{
    /// <summary>The errors are a conflict with another definition (a webhook route it owns), not a fault of this one.</summary>
    public bool IsConflict { get; init; }

    /// <summary>What publishing noticed but let through (e.g. a practice that contributes nothing to its node's chain activities).</summary>
    public IReadOnlyList<DefinitionWarning> Warnings { get; init; } = [];

    public bool Succeeded => Definition is not null && Errors.Count == 0;
}
