using Itsm.Activities.Definitions;
using Itsm.Activities.Engine;
using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Definitions;

/// <summary>
/// Draft/publish versioning of definitions. Saving creates or updates the draft (a new version when the latest
/// is published); publishing compiles the version, makes it the one new instances use and refreshes the
/// trigger index; running instances keep the version they started on.
/// </summary>
public interface IWorkflowDefinitionService
{
    Task<DefinitionRecord?> FindAsync(string definitionId, VersionOptions versionOptions, CancellationToken cancellationToken);

    Task<DefinitionRecord?> FindByVersionIdAsync(string versionId, CancellationToken cancellationToken);

    Task<DefinitionPage> ListAsync(DefinitionQuery query, CancellationToken cancellationToken);

    /// <summary>Saves the model as the draft (creating the definition when its id is new or empty); publishes it when asked.</summary>
    Task<SaveDefinitionResult> SaveAsync(WorkflowDefinitionModel model, bool publish, CancellationToken cancellationToken);

    /// <summary>Publishes the latest version; null when the definition does not exist.</summary>
    Task<SaveDefinitionResult?> PublishAsync(string definitionId, CancellationToken cancellationToken);

    /// <summary>Unpublishes the published version; null when the definition does not exist or nothing is published.</summary>
    Task<DefinitionRecord?> RetractAsync(string definitionId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every version (none removed: unknown definition). Refused while instances that have not ended run on
    /// it: they would lose the version they run; cancel or finish them first.
    /// </summary>
    Task<DeleteDefinitionResult> DeleteAsync(string definitionId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes one version by its id (none removed: unknown version). Refused while instances that have not ended
    /// run on that version. A published version is retracted first (as Elsa does); deleting the latest makes the
    /// highest remaining version latest; deleting the only version deletes the definition.
    /// </summary>
    Task<DeleteDefinitionResult> DeleteVersionAsync(string versionId, CancellationToken cancellationToken);

    /// <summary>The compiled graph of a stored version (cached; compiled once).</summary>
    Task<CompiledWorkflow?> GetCompiledAsync(string versionId, CancellationToken cancellationToken);

    /// <summary>The model of a stored version, as JSON-ready data.</summary>
    WorkflowDefinitionModel ToModel(DefinitionRecord record);
}
