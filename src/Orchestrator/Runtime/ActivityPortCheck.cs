using Itsm.Activities.Engine;

namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// Builds the activity registry before anything else starts, so an activity whose port the host does not provide
/// stops the host at start-up with <see cref="MissingActivityPortException"/> (naming the activity and the port)
/// rather than faulting a workflow step in production.
/// </summary>
public sealed class ActivityPortCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<ActivityRegistry>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
