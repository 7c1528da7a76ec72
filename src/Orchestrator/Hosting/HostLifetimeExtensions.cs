namespace Itsm.Orchestrator.Hosting;

public static class HostLifetimeExtensions
{
    /// <summary>Completes once the host serves requests (Kestrel listening), or throws when stopping first.</summary>
    public static async Task WaitForStartedAsync(this IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStopping = cancellationToken.Register(() => started.TrySetCanceled(cancellationToken));
        await started.Task;
    }
}
