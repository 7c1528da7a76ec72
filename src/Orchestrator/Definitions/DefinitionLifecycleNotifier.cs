using Itsm.Activities.Engine;

namespace Itsm.Orchestrator.Definitions;

/// <summary>
/// Hands definition changes to every <see cref="IDefinitionLifecycleHandler"/>, in registration order (the runtime's
/// own index and cache first). Handlers are resolved on first use, not injected: a scheduler handler needs the
/// workflow runtime, which needs the definition service, which needs this — injecting them would be a cycle.
/// </summary>
public sealed partial class DefinitionLifecycleNotifier(IServiceProvider services, ILogger<DefinitionLifecycleNotifier> logger)
{
    private IDefinitionLifecycleHandler[]? _handlers;

    private IDefinitionLifecycleHandler[] Handlers => _handlers ??= [.. services.GetServices<IDefinitionLifecycleHandler>()];

    public Task PublishedAsync(DefinitionPublished published)
        => NotifyAsync(handler => handler.OnPublishedAsync(published, CancellationToken.None), "published", published.DefinitionId);

    public Task RetractedAsync(DefinitionRetracted retracted)
        => NotifyAsync(handler => handler.OnRetractedAsync(retracted, CancellationToken.None), "retracted", retracted.DefinitionId);

    public Task DeletedAsync(DefinitionDeleted deleted)
        => NotifyAsync(handler => handler.OnDeletedAsync(deleted, CancellationToken.None), "deleted", deleted.DefinitionId);

    public Task CompiledAsync(CompiledWorkflow workflow)
        => NotifyAsync(handler => handler.OnCompiledAsync(workflow, CancellationToken.None), "compiled", workflow.DefinitionId);

    // No caller token: the change is committed, so every subscriber must hear of it even if the request that
    // made it was aborted — a half-notified index would start workflows of a retracted definition.
    private async Task NotifyAsync(Func<IDefinitionLifecycleHandler, Task> notify, string change, string definitionId)
    {
        foreach (var handler in Handlers)
        {
            try
            {
                await notify(handler);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(ex, handler.GetType().Name, change, definitionId);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Definition lifecycle handler {Handler} failed on {Change} of definition {DefinitionId}")]
    private partial void LogHandlerFailed(Exception exception, string handler, string change, string definitionId);
}
