using Itsm.Activities.Engine;

namespace Itsm.Orchestrator.Definitions;

/// <summary>
/// Subscribes to what happens to definitions, so the trigger index, the compiled-workflow cache and schedulers keep
/// themselves in step instead of the definition service knowing each of them. Register with
/// <c>services.AddSingleton&lt;IDefinitionLifecycleHandler, MyHandler&gt;()</c>; implement only the methods you need.
/// </summary>
/// <remarks>
/// Called after the change is committed, one change at a time in commit order (under the definition service's
/// write lock): a handler must not call the definition service's write methods, and should be quick. A handler
/// that throws is logged and does not stop the others: the change has happened either way.
/// </remarks>
public interface IDefinitionLifecycleHandler
{
    /// <summary>A version was published (or, with <see cref="DefinitionPublished.AtStartup"/>, loaded as published at start).</summary>
    Task OnPublishedAsync(DefinitionPublished published, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The definition has no published version any more; running instances carry on.</summary>
    Task OnRetractedAsync(DefinitionRetracted retracted, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The definition and all its versions are gone.</summary>
    Task OnDeletedAsync(DefinitionDeleted deleted, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A version that was not just published was compiled on this node (an older one an instance still runs on).</summary>
    Task OnCompiledAsync(CompiledWorkflow workflow, CancellationToken cancellationToken) => Task.CompletedTask;
}
